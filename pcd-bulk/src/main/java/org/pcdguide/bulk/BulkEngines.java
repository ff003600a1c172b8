package org.pcdguide.bulk;

import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.FhirResourceTypes;
import org.pcdguide.fhir.Terminology;

/**
 * Starts a screening run on an engine. Spark is a provided dependency: it is on the classpath when
 * the pcd launcher adds it ({@code --engine spark}) or on a cluster; without it, a clear error.
 */
public final class BulkEngines {
  private BulkEngines() {}

  public static ScreenSummary embedded(KnowledgePack pack, ScreenRun run, ScreenRun.Progress p) {
    return new EmbeddedScreen(pack, Terminology.bundled(), FhirResourceTypes.r4()).run(run, p);
  }

  /** A local Spark session on the run's threads as cores. */
  public static ScreenSummary spark(KnowledgePack pack, ScreenRun run) {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, BulkEngines.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new BulkException(
          "Apache Spark is not on the classpath: run through the ./pcd launcher (it adds Spark for"
              + " --engine spark), or spark-submit the job jar (docs/bulk-screening.md)");
    }
    return SparkLocal.run(pack, run);
  }
}
