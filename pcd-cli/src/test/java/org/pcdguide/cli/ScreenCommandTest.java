package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.testkit.NeedsSpark;

/**
 * {@code pcd synth} and {@code pcd screen} end to end: every planted case found, no false alarm on
 * the synthetic ground truth; the shaded Spark job jar gives the embedded runner's files.
 */
class ScreenCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  /** Patient id to sorted finding codes. */
  static Map<String, List<String>> findings(Path file, String field) throws IOException {
    Map<String, List<String>> out = new TreeMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      List<String> codes = new ArrayList<>();
      n.path(field)
          .forEach(f -> codes.add(f.isTextual() ? f.asText() : f.path("finding").asText()));
      codes.sort(null);
      out.put(n.path("patient").asText(), codes);
    }
    return out;
  }

  @Test
  void synthThenScreen_findsEveryPlantedCase_andNoFalseAlarm() throws IOException {
    Path pop = tmp.resolve("pop");
    Path out = tmp.resolve("out");
    PcdTest.Run synth =
        PcdTest.pcd("synth", "--patients", "4000", "--seed", "11", "--out", pop.toString());
    assertThat(synth.code()).as(synth.err()).isZero();
    PcdTest.Run screen =
        PcdTest.pcd(
            "screen", pop.toString(), "--out", out.toString(), "--as-of", "2026-11-01", "--csv");
    assertThat(screen.code()).as(screen.err()).isZero();
    assertThat(screen.out()).contains("Screened 4,000 patients", "finding evaluate-for-poems");

    Map<String, List<String>> expected = findings(pop.resolve("expected.jsonl"), "findings");
    expected.values().removeIf(List::isEmpty);
    assertThat(expected).hasSizeGreaterThan(40);
    Map<String, List<String>> found = findings(out.resolve("findings.ndjson"), "findings");
    // recall and precision both exactly 1 on the ground truth, per patient and per finding
    assertThat(found).isEqualTo(expected);
    assertThat(Files.readAllLines(out.resolve("findings.csv")).get(0))
        .isEqualTo("patient,finding,rule,strength,diagnosis,about");
  }

  @Test
  void badArguments_exitTwoWithTheReason() {
    PcdTest.Run missing = PcdTest.pcd("screen", tmp.resolve("none").toString(), "--out", "x");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none").contains("not a folder").doesNotContain("at org.");
    PcdTest.Run engine = PcdTest.pcd("screen", tmp.toString(), "--out", "x", "--engine", "hadoop");
    assertThat(engine.code()).isEqualTo(2);
    assertThat(engine.err()).contains("--engine must be embedded or spark, was hadoop");
    assertThat(PcdTest.pcd("synth", "--patients", "0", "--out", "x").code()).isEqualTo(2);
    // without the launcher's Spark classpath (as in this test's JVM): a clear message, no trace
    PcdTest.Run spark =
        PcdTest.pcd(
            "screen", tmp.toString(), "--out", tmp.resolve("o").toString(), "--engine", "spark");
    assertThat(spark.code()).isEqualTo(2);
    assertThat(spark.err())
        .contains("Apache Spark is not on the classpath")
        .doesNotContain("at org.");
    PcdTest.Run parquet =
        PcdTest.pcd("screen", tmp.toString(), "--out", tmp.resolve("p").toString(), "--parquet");
    assertThat(parquet.code()).isEqualTo(2);
    assertThat(parquet.err()).contains("--parquet needs Apache Parquet").doesNotContain("at org.");
    assertThat(tmp.resolve("p")).doesNotExist();
  }

  @Test
  void limitOptions_reachTheRun_andBadValuesExitTwo() throws IOException {
    Path pop = Files.createDirectories(tmp.resolve("pop"));
    Files.writeString(
        pop.resolve("Patient.ndjson"),
        "{\"resourceType\":\"Patient\",\"id\":\"a\"}\n"
            + "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":"
            + "\"Patient/a\"},\"code\":{\"text\":\"x\"}}\n");
    Path out = tmp.resolve("out");
    PcdTest.Run screen =
        PcdTest.pcd(
            "screen",
            pop.toString(),
            "--out",
            out.toString(),
            "--as-of",
            "2026-11-01",
            "--max-patient-resources",
            "1",
            "--max-line-mb",
            "2",
            "--max-patient-mb",
            "3");
    assertThat(screen.code()).as(screen.err()).isZero();
    assertThat(Files.readString(out.resolve("errors.ndjson")))
        .contains(
            "\"patient\":\"a\",\"kind\":\"unreadable-patient\"",
            "more than the per-patient cap (--max-patient-resources 1, --max-patient-mb 3)");
    assertThat(screen.out()).containsPattern("patients unreadable +1\\b");

    PcdTest.Run bad =
        PcdTest.pcd("screen", pop.toString(), "--out", out.toString(), "--max-line-mb", "0");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--max-line-mb must be 1 to 1024, was 0");
  }

  @Test
  @NeedsSpark
  void sparkJobJar_onSparkLocal_givesTheEmbeddedFiles() throws Exception {
    Path bulk = Path.of("../pcd-bulk/target");
    Path jobJar;
    try (Stream<Path> s = Files.list(bulk)) {
      jobJar = s.filter(p -> p.toString().endsWith("-spark-job.jar")).findFirst().orElseThrow();
    }
    String sparkClasspath =
        Files.readString(bulk.resolve("spark-classpath.txt"), StandardCharsets.UTF_8).trim();
    Path pop = tmp.resolve("pop");
    assertThat(
            PcdTest.pcd(
                    "synth", "--patients", "1500", "--seed", "5", "--gzip", "--out", pop.toString())
                .code())
        .isZero();
    assertThat(
            PcdTest.pcd(
                    "screen",
                    pop.toString(),
                    "--out",
                    tmp.resolve("embedded").toString(),
                    "--as-of",
                    "2026-11-01",
                    "--csv")
                .code())
        .isZero();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder spark =
        new ProcessBuilder(
                javaBin,
                "@../pcd-bulk/spark-jvm.options",
                "-Dspark.master=local[2]",
                "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp",
                jobJar + java.io.File.pathSeparator + sparkClasspath,
                "org.pcdguide.bulk.SparkScreenJob",
                pop.toUri().toString(),
                tmp.resolve("spark").toString(),
                "--as-of",
                "2026-11-01",
                "--csv")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("spark.log").toFile());
    spark.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = spark.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("spark.log"))).isZero();
    assertThat(files(tmp.resolve("spark"))).isEqualTo(files(tmp.resolve("embedded")));
  }

  private static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        out.put(
            p.getFileName().toString(),
            new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  @Test
  void killedMidRun_thenRerun_givesTheUninterruptedFiles() throws Exception {
    Path pop = tmp.resolve("pop");
    assertThat(
            PcdTest.pcd("synth", "--patients", "30000", "--seed", "8", "--out", pop.toString())
                .code())
        .isZero();
    Path clean = tmp.resolve("clean");
    assertThat(
            PcdTest.pcd(
                    "screen",
                    pop.toString(),
                    "--out",
                    clean.toString(),
                    "--as-of",
                    "2026-11-01",
                    "--csv")
                .code())
        .isZero();
    Path out = tmp.resolve("out");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                "org.pcdguide.cli.Pcd",
                "screen",
                pop.toString(),
                "--out",
                out.toString(),
                "--as-of",
                "2026-11-01",
                "--csv",
                "--partition-mb",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("killed.log").toFile())
            .start();
    // kill -9 once it has spilled part of the export
    Path work = out.resolve(".pcd-screen-work");
    for (int i = 0; i < 600 && p.isAlive(); i++) {
      try (Stream<Path> s = Files.exists(work) ? Files.list(work) : Stream.empty()) {
        if (s.anyMatch(f -> f.toFile().length() > 0)) {
          break;
        }
      }
      Thread.sleep(20);
    }
    p.destroyForcibly().waitFor();
    assertThat(Files.exists(out.resolve("findings.ndjson")))
        .as("a killed run leaves no result file")
        .isFalse();
    assertThat(
            PcdTest.pcd(
                    "screen",
                    pop.toString(),
                    "--out",
                    out.toString(),
                    "--as-of",
                    "2026-11-01",
                    "--csv")
                .code())
        .isZero();
    assertThat(files(out)).isEqualTo(files(clean));
  }
}
