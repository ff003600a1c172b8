package org.pcdguide.bulk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.pcdguide.fhir.FhirResourceTypes;

/**
 * The entry point of the shaded job jar for {@code spark-submit}: {@code INPUT OUTPUT [--as-of
 * YYYY-MM-DD] [--all] [--csv] [--parquet]}. INPUT is any Hadoop-compatible folder (hdfs://, s3a://,
 * file://); OUTPUT is a folder on the driver (use client deploy mode to get the files where you
 * submit).
 */
public final class SparkScreenJob {
  private SparkScreenJob() {}

  public static void main(String[] args) {
    List<String> positional = new ArrayList<>();
    LocalDate asOf = null;
    boolean all = false;
    boolean csv = false;
    boolean parquet = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--as-of" -> asOf = LocalDate.parse(args[++i]);
        case "--all" -> all = true;
        case "--csv" -> csv = true;
        case "--parquet" -> parquet = true;
        default -> positional.add(args[i]);
      }
    }
    if (positional.size() != 2 || asOf == null) {
      System.err.println(
          "usage: SparkScreenJob INPUT OUTPUT --as-of YYYY-MM-DD [--all] [--csv] [--parquet]");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().appName("pcd-screen").getOrCreate();
    try {
      ScreenSummary s =
          new SparkScreen(FhirResourceTypes.r4())
              .run(
                  spark,
                  new ScreenRun(
                      positional.get(0),
                      Path.of(positional.get(1)),
                      asOf,
                      all,
                      csv,
                      parquet,
                      1,
                      1 << 26));
      System.out.print(s.table());
    } finally {
      spark.stop();
    }
  }
}
