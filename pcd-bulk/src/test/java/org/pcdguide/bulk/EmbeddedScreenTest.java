package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.fhir.FhirResourceTypes;

/** The embedded runner on real third-party bulk data, with bad lines mixed in. */
class EmbeddedScreenTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  @TempDir Path tmp;

  static EmbeddedScreen runner() {
    return new EmbeddedScreen(
        BundledKnowledge.pack(), BundledKnowledge.terminology(), FhirResourceTypes.r4());
  }

  static ScreenRun run(Path in, Path out, boolean all, long partitionBytes) {
    return new ScreenRun(in.toString(), out, AS_OF, all, true, true, 2, partitionBytes);
  }

  static Map<String, String> files(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        // byte for byte (ISO-8859-1 maps every byte to one char); Parquet is binary
        out.put(
            p.getFileName().toString(),
            new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  @Test
  void realExport_everyPatientScreened_badLinesReportedWithFileAndLine() throws IOException {
    Path in = ExportFixture.write(tmp.resolve("export"));
    Path out = tmp.resolve("out");
    ScreenSummary s = runner().run(run(in, out, true, 1 << 20), ScreenRun.Progress.NONE);

    // 13 SMART patients (3 deceased) and Pathling's 9, each screened once
    assertThat(s.patients()).isEqualTo(22);
    assertThat(files(out).keySet())
        .containsExactly(
            "errors.ndjson", "findings.csv", "findings.ndjson", "findings.parquet", "summary.json");
    List<String> lines = Files.readAllLines(out.resolve("findings.ndjson"));
    assertThat(lines).hasSize(22);
    assertThat(lines).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    // real Synthea data: neuropathy due to diabetes, anaemia, CKD... but no plasma cell disorder
    assertThat(s.flagged()).isZero();

    String errors = Files.readString(out.resolve("errors.ndjson"));
    assertThat(errors)
        .contains(
            "{\"file\":\"log.ndjson\",\"line\":0,\"kind\":\"not-a-resource-file\"",
            "{\"file\":\"Condition.bad.ndjson\",\"line\":1,\"kind\":\"malformed-line\"",
            "{\"file\":\"Condition.bad.ndjson\",\"line\":3,\"kind\":\"no-patient-reference\"",
            "{\"file\":\"Condition.bad.ndjson\",\"line\":4,\"kind\":\"unknown-type\"",
            "{\"file\":\"Condition.bad.ndjson\",\"line\":5,\"kind\":\"no-patient-reference\"");
    assertThat(s.errors())
        .containsEntry(BulkError.MALFORMED, 1L)
        .containsEntry(BulkError.NO_PATIENT, 2L)
        .containsEntry(BulkError.UNKNOWN_TYPE, 1L)
        .containsEntry(BulkError.NOT_RESOURCE_FILE, 1L);
    String summary = Files.readString(out.resolve("summary.json"));
    // Pathling's 1502 observations: 94 the door maps (labs), 1408 it does not (skipped in pass 1)
    assertThat(summary)
        .contains(
            "\"Encounter\" : 1215",
            "\"Observation\" : 94",
            "\"Observation (unmapped code)\" : 1408");
    assertThat(summary).contains(BundledKnowledge.pack().hash());
  }

  @Test
  void rerun_afterAnInterruptedRun_givesTheSameBytes_andLeavesNoWorkFiles() throws IOException {
    Path in = ExportFixture.write(tmp.resolve("export"));
    Path out = tmp.resolve("out");
    runner().run(run(in, out, false, 1 << 20), ScreenRun.Progress.NONE);
    Map<String, String> first = files(out);

    // what a killed run leaves behind: a half-written result and spill files
    Files.writeString(out.resolve(".findings.ndjson.partial"), "{\"patient\":\"half");
    Files.createDirectories(out.resolve(".pcd-screen-work"));
    Files.writeString(out.resolve(".pcd-screen-work/part-0"), "junk");
    runner().run(run(in, out, false, 1 << 20), ScreenRun.Progress.NONE);
    assertThat(files(out)).isEqualTo(first);
  }

  @Test
  void partitionCount_doesNotChangeTheResults() throws IOException {
    Path in = ExportFixture.write(tmp.resolve("export"));
    runner().run(run(in, tmp.resolve("one"), true, 1L << 30), ScreenRun.Progress.NONE);
    runner().run(run(in, tmp.resolve("many"), true, 1 << 20), ScreenRun.Progress.NONE);
    assertThat(files(tmp.resolve("many"))).isEqualTo(files(tmp.resolve("one")));
  }

  @Test
  void notAFolder_isAClearError() {
    Path missing = tmp.resolve("nope");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                runner()
                    .run(run(missing, tmp.resolve("o"), false, 1 << 20), ScreenRun.Progress.NONE))
        .isInstanceOf(BulkException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("not a folder");
  }
}
