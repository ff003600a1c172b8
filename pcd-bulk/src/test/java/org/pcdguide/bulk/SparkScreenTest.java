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
import org.pcdguide.testkit.NeedsSpark;

/** Apache Spark in local[2] gives exactly the embedded runner's files. */
@NeedsSpark
class SparkScreenTest {
  static SparkSession spark;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    spark = SparkScreens.local(2);
  }

  @AfterAll
  static void stop() {
    if (spark != null) { // null when Spark could not start
      spark.stop();
    }
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

  @Test
  void syntheticPopulation_gzip_sameFilesAsEmbedded_andEveryPlantedCaseFound() throws IOException {
    Path in = tmp.resolve("population");
    SyntheticPopulation.write(in, 1500, 21, true, EmbeddedScreenTest.AS_OF);
    java.nio.file.Files.writeString(in.resolve("Condition.bad.ndjson"), ExportFixture.BAD);
    EmbeddedScreenTest.runner()
        .run(
            EmbeddedScreenTest.run(in, tmp.resolve("embedded"), false, 1 << 20),
            ScreenRun.Progress.NONE);
    new SparkScreen(FhirResourceTypes.r4())
        .run(spark, EmbeddedScreenTest.run(in, tmp.resolve("spark"), false, 1 << 20));
    assertThat(EmbeddedScreenTest.files(tmp.resolve("spark")))
        .isEqualTo(EmbeddedScreenTest.files(tmp.resolve("embedded")));

    java.util.Map<String, java.util.List<String>> expected = new java.util.TreeMap<>();
    for (String line : java.nio.file.Files.readAllLines(in.resolve("expected.jsonl"))) {
      var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      java.util.List<String> f = new java.util.ArrayList<>();
      n.path("findings").forEach(x -> f.add(x.asText()));
      if (!f.isEmpty()) {
        expected.put(n.path("patient").asText(), f.stream().sorted().toList());
      }
    }
    java.util.Map<String, java.util.List<String>> found = new java.util.TreeMap<>();
    for (String line : java.nio.file.Files.readAllLines(tmp.resolve("spark/findings.ndjson"))) {
      var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      java.util.List<String> f = new java.util.ArrayList<>();
      n.path("findings").forEach(x -> f.add(x.path("finding").asText()));
      found.put(n.path("patient").asText(), f.stream().sorted().toList());
    }
    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(found).isEqualTo(expected);
  }
}
