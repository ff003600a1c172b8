package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.fhir.FhirResourceTypes;

/** Apache Spark in local[2] gives exactly the embedded runner's files. */
class SparkScreenTest {
  static SparkSession spark;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = SparkScreens.local(2);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void realExportWithBadLines_sameFilesAsEmbedded() throws IOException {
    Path in = ExportFixture.write(tmp.resolve("export"));
    ScreenSummary embedded =
        EmbeddedScreenTest.runner()
            .run(
                EmbeddedScreenTest.run(in, tmp.resolve("embedded"), true, 1 << 20),
                ScreenRun.Progress.NONE);
    ScreenSummary distributed =
        new SparkScreen(FhirResourceTypes.r4())
            .run(spark, EmbeddedScreenTest.run(in, tmp.resolve("spark"), true, 1 << 20));
    assertThat(distributed.patients()).isEqualTo(embedded.patients()).isEqualTo(22);
    assertThat(EmbeddedScreenTest.files(tmp.resolve("spark")))
        .isEqualTo(EmbeddedScreenTest.files(tmp.resolve("embedded")));
    // the Parquet table reads back in Spark: one row per patient (none has a finding here)
    var table = spark.read().parquet(tmp.resolve("embedded/findings.parquet").toString());
    assertThat(table.count()).isEqualTo(22);
    assertThat(table.columns())
        .containsExactly("patient", "finding", "rule", "strength", "diagnosis", "about");
  }
}
