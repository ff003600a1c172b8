package org.pcdguide.bulk;

import org.apache.spark.sql.SparkSession;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.FhirResourceTypes;

/** Spark in this process ({@code local[threads]}); only loaded once Spark is known present. */
final class SparkLocal {
  private SparkLocal() {}

  static ScreenSummary run(KnowledgePack pack, ScreenRun run) {
    SparkSession spark = SparkScreens.local(run.threads());
    try {
      return new SparkScreen(FhirResourceTypes.r4()).run(spark, run, pack);
    } finally {
      spark.stop();
    }
  }
}
