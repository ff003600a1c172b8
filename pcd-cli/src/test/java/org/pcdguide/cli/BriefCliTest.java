package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 8: {@code pcd assess --format text --brief} prints only the one-screen summary
 * block, for every acceptance case at most 15 lines, and refuses other formats with exit code 2.
 */
class BriefCliTest {
  private static final String EXAMPLE = "../examples/poems-disseminated.yaml";
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void brief_example_printsOnlyTheBlockWithDiagnosisCriticalFlagAndHeadline() {
    PcdTest.Run r = PcdTest.pcd("assess", EXAMPLE, "--brief");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSizeLessThanOrEqualTo(15);
    assertThat(lines.get(0))
        .startsWith("PCD GUIDE SUMMARY: POEMS-DISSEMINATED-NEUROPATHY (as of 2026-11-01;")
        .contains("knowledge pack 2026.11.1, sha256:");
    assertThat(lines.get(1)).isEqualTo("Diagnosis: POEMS syndrome, criteria met.");
    assertThat(lines.get(2))
        .isEqualTo(
            "CRITICAL: proposed Thalidomide is to be avoided for this patient"
                + " [POEMS-AVOID-001, POEMS-AVOID-003]");
    assertThat(lines.get(3))
        .startsWith(
            "Headline: Lenalidomide-dexamethasone, then Autologous stem cell transplantation"
                + " (ASCT) [POEMS-TX-004]; evidence: generated summary, citations unlisted;"
                + " grade low (seed-003)");
    assertThat(r.out()).doesNotContain("REFERENCES").doesNotContain("DIAGNOSIS CHECK");
    // the block of the full report, line for line
    String full = PcdTest.pcd("assess", EXAMPLE).out();
    lines.subList(1, lines.size()).forEach(l -> assertThat(full).contains("\n" + l + "\n"));
  }

  @Test
  void brief_fhirBundle_givesTheSameBlockAsTheCaseFile() {
    PcdTest.Run fhir = PcdTest.pcd("assess", "../examples/poems-disseminated.fhir.json", "--brief");
    assertThat(fhir.code()).as(fhir.err()).isZero();
    assertThat(fhir.out()).contains("CRITICAL: proposed Thalidomide is to be avoided");
    assertThat(fhir.out().lines().count()).isLessThanOrEqualTo(15);
  }

  @Test
  void brief_withAnotherFormat_isAUsageErrorWithExitCode2() {
    for (String format : List.of("json", "markdown", "fhir")) {
      PcdTest.Run r = PcdTest.pcd("assess", EXAMPLE, "--format", format, "--brief");
      assertThat(r.code()).as(format).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .contains("--brief")
          .contains("--format " + format)
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void brief_everyAcceptanceCase_isAtMost15Lines(@TempDir Path dir) throws IOException {
    List<String> tooLong = new ArrayList<>();
    int n = 0;
    try (Stream<Path> files = Files.list(Path.of("../pcd-core/src/test/resources/cases"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode doc = YAML.readTree(f.toFile());
        if (doc.path("expect").has("invalid")) {
          continue;
        }
        Path input = dir.resolve(f.getFileName());
        YAML.writeValue(input.toFile(), doc.get("case"));
        // a case without a date gets the acceptance runner's
        PcdTest.Run r =
            doc.get("case").has("as-of")
                ? PcdTest.pcd("assess", input.toString(), "--brief")
                : PcdTest.pcd("assess", input.toString(), "--brief", "--as-of", "2026-11-01");
        assertThat(r.code()).as(f + ": " + r.err()).isZero();
        long lines = r.out().lines().count();
        if (lines > 15 || !r.out().contains("\nDiagnosis: ") || !r.out().contains("\nHeadline: ")) {
          tooLong.add(f.getFileName() + ": " + lines + " lines");
        }
        n++;
      }
    }
    assertThat(n).as("acceptance cases run").isGreaterThan(200);
    assertThat(tooLong).isEmpty();
  }
}
