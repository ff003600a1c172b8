package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcdTest {
  private static final String EXAMPLE = "../examples/poems-disseminated.yaml";

  /** What a run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run pcd(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Pcd.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void assess_example_printsTheReportWithHeadlineAndCriticalFlag() {
    Run r = pcd("assess", EXAMPLE);
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains(
            "HEADLINE\n\nLenalidomide-dexamethasone, then Autologous stem cell transplantation")
        .contains(
            "CRITICAL: proposed Thalidomide is to be avoided for this patient [POEMS-AVOID-001, POEMS-AVOID-003]")
        .contains("REFERENCES")
        .contains(
            "\"Lenalidomide-dexamethasone is preferred in patients with pre-existing neuropathy");
  }

  @Test
  void assess_jsonFormat_followsTheContract() throws IOException {
    Run r = pcd("assess", EXAMPLE, "--format", "json");
    assertThat(r.code()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("pcd-assessment").asInt()).isEqualTo(1);
    assertThat(json.at("/knowledge/hash").asText()).startsWith("sha256:");
    assertThat(json.at("/diagnosis/status").asText()).isEqualTo("criteria-met");
    assertThat(json.get("extent").asText()).isEqualTo("disseminated");
    assertThat(json.at("/recommendations/0/id").asText()).isEqualTo("POEMS-TX-004");
    assertThat(json.at("/recommendations/0/then/0").asText())
        .isEqualTo("autologous-stem-cell-transplant");
    assertThat(json.at("/avoid/0/severity").asText()).isEqualTo("critical");
    assertThat(json.at("/avoid/0/proposed").asBoolean()).isTrue();
    assertThat(json.has("missing-data")).isTrue();
    assertThat(json.has("facts")).isTrue();
  }

  @Test
  void assess_sameInputTwice_byteIdenticalOutput() {
    assertThat(pcd("assess", EXAMPLE, "--format", "json").out())
        .isEqualTo(pcd("assess", EXAMPLE, "--format", "json").out());
    assertThat(pcd("assess", EXAMPLE, "--format", "markdown").out())
        .isEqualTo(pcd("assess", EXAMPLE, "--format", "markdown").out())
        .startsWith("# PCD Guide assessment");
  }

  @Test
  void assess_invalidCase_exit2NamingFileFieldAndValue_noStackTrace(@TempDir Path dir)
      throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "pcd-case: 1\nlabs:\n  - {test: hemoglobin, value: 6.2, unit: mmol/L}\npatient: {age: 200}\n");
    Run r = pcd("assess", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("bad.yaml: 2 problems")
        .contains("labs[0].unit: 'mmol/L' is not a unit of hemoglobin")
        .contains("patient.age: '200'")
        .doesNotContain("at org.");
  }

  @Test
  void assess_missingFile_exit2() {
    Run r = pcd("assess", "no-such-case.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-case.yaml: no such file");
  }

  @Test
  void assess_badAsOf_exit2() {
    Run r = pcd("assess", EXAMPLE, "--as-of", "yesterday");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--as-of: 'yesterday' is not a date");
  }

  @Test
  void serve_badReportLinkLifetimeOrPublicUrl_isAUsageError() {
    Run r = pcd("serve", "--port", "0", "--report-link-hours", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--report-link-hours: '0' is not between 1 and 8784");
    Run url = pcd("serve", "--port", "0", "--public-url", "https://cds.example.org/x?y=1");
    assertThat(url.code()).isEqualTo(2);
    assertThat(url.err())
        .contains("--public-url: 'https://cds.example.org/x?y=1' is not an http(s) base URL");
  }

  @Test
  void serve_badConnectionLimits_isAUsageError() {
    Run body = pcd("serve", "--port", "0", "--body-timeout", "0");
    assertThat(body.code()).isEqualTo(2);
    assertThat(body.err()).contains("--body-timeout: '0' is not between 1 and 3600 seconds");
    Run idle = pcd("serve", "--port", "0", "--idle-timeout", "99999");
    assertThat(idle.code()).isEqualTo(2);
    assertThat(idle.err()).contains("--idle-timeout: '99999' is not between 1 and 3600 seconds");
    Run perClient = pcd("serve", "--port", "0", "--max-connections-per-client", "-1");
    assertThat(perClient.code()).isEqualTo(2);
    assertThat(perClient.err()).contains("--max-connections-per-client: '-1' is not 0");
  }

  @Test
  void serve_dataDirThatIsAFileOrACorruptEarlierLog_isAUsageError(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    Run r = pcd("serve", "--port", "0", "--data-dir", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--data-dir " + file + ": " + file + " is not a directory");
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("audit.mv.db"), "not an H2 file");
    Run corrupt = pcd("audit", "show", "--data-dir", data.toString());
    assertThat(corrupt.code()).isEqualTo(2);
    assertThat(corrupt.err())
        .contains("--data-dir " + data + ": cannot import the earlier audit log")
        .doesNotContain("\tat ");
    assertThat(data.resolve("audit.mv.db")).hasContent("not an H2 file");
  }

  @Test
  void assess_unknownOption_exit2WithUsage() {
    Run r = pcd("assess", EXAMPLE, "--fromat", "json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option").contains("--fromat");
  }

  @Test
  void assess_output_writesTheFileAtomicallyAndPrintsNothing(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.json");
    Run r = pcd("assess", EXAMPLE, "--format", "json", "--output", report.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(report))
        .isEqualTo(pcd("assess", EXAMPLE, "--format", "json").out());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }

  @Test
  void assess_asOfOverride_changesTheRadiotherapyWindow(@TempDir Path dir) throws IOException {
    Path c = dir.resolve("rt.yaml");
    Files.writeString(
        c,
        """
        pcd-case: 1
        as-of: 2026-07-15
        diagnosis: poems-syndrome
        patient: {age: 50, transplant-eligible: true}
        findings:
          peripheral-neuropathy: {present: true, preexisting: false}
          sclerotic-bone-lesions: {present: true, pattern: solitary}
          bone-marrow-involvement: false
          papilledema: true
        clonality: {m-protein: true}
        history:
          therapies:
            - {therapy: radiotherapy, start: 2026-05-01, end: 2026-06-15, response: no-stabilization}
        """);
    assertThat(pcd("assess", c.toString()).out())
        .contains("POEMS-TL-001")
        .doesNotContain("[POEMS-PIT-001");
    assertThat(pcd("assess", c.toString(), "--as-of", "2026-10-20").out())
        .contains("[POEMS-PIT-001");
  }

  @Test
  void knowledgeCheck_bundledPack_ok() {
    Run r = pcd("knowledge", "check");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains(": ok").contains("poems.yaml: POEMS syndrome");
  }

  @Test
  void knowledgeCheck_brokenDirectory_exit2ListingProblems(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("pack.yaml"),
        "pcd-knowledge: 1\nversion: x\nfiles: [sources.yaml, vocabulary.yaml]\n");
    Run r = pcd("knowledge", "check", "--dir", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("sources.yaml: file not found")
        .contains("vocabulary.yaml: file not found");
  }

  @Test
  void version_namesCodeAndKnowledgeHash() {
    Run r = pcd("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("pcd ")
        .containsPattern("knowledge \\d{4}\\.\\d+\\.\\d+ sha256:[0-9a-f]{64}");
  }

  @Test
  void help_showsExamplesAndExitCodes() {
    Run r = pcd("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("pcd assess examples/poems-disseminated.yaml")
        .contains("Exit codes");
  }

  @Test
  void vocabularyAndSources_listIdsUnitsAndGrades() {
    assertThat(pcd("vocabulary").out())
        .contains("hemoglobin  [g/dL]")
        .contains("poems.extent")
        .contains("neurotoxicity: high  [seed-003, Critical Agents to Avoid; citation 1;")
        .containsPattern("no source: [a-z, -]*cisplatin");
    assertThat(pcd("sources").out())
        .contains("seed-003")
        .contains("generated-summary")
        .contains("grade low");
  }

  @Test
  void knowledgeCoverage_everySeedSentenceAccountedFor() {
    Run r = pcd("knowledge", "coverage");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .doesNotContain("NOT COVERED")
        .contains("seed-000")
        .contains("source-gap (")
        .containsPattern(
            "\\d+ sentences: \\d+ covered by entries, \\d+ marked background or source-gap");
  }

  @Test
  void knowledgeCoverageExamples_everyTreatmentAvoidAndTrialEntryHasBoth() {
    Run r = pcd("knowledge", "coverage", "--examples");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .doesNotContain("MISSING")
        .contains("no firing example, no near miss: POEMS-DX-MANDATORY-1 (diagnostic)")
        .containsPattern(
            "(\\d+) treatment, avoid and trial entries: \\1 with a firing example and a near miss;");
  }

  @Test
  void knowledgeCoverageExamples_entryWithoutANearMiss_exit2NamingIt(@TempDir Path dir)
      throws IOException {
    Path pack = Path.of("..", "knowledge");
    try (var files = Files.walk(pack)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(pack.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
    Path scl = dir.resolve("scleromyxedema.yaml");
    String text = Files.readString(scl);
    // SCL-TX-004's near miss is its last example: the line and nothing else goes
    String cut = text.replace("      - does-not-fire: no dermato-neuro syndrome\n", "");
    assertThat(cut).isNotEqualTo(text);
    Files.writeString(scl, cut);
    Run r = pcd("--knowledge", dir.toString(), "knowledge", "coverage", "--examples");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("  MISSING no near miss: SCL-TX-004 (first-line)");
  }

  @Test
  void assess_fhirBundle_detectedByContent_sameAssessmentAsTheCaseFile() {
    Run fhir = pcd("assess", "../examples/poems-disseminated.fhir.json", "--format", "json");
    assertThat(fhir.code()).isZero();
    assertThat(fhir.out()).isEqualTo(pcd("assess", EXAMPLE, "--format", "json").out());
  }

  @Test
  void assess_formatFhir_writesABundleWithADetectedIssueForTheProposedThalidomide()
      throws IOException {
    Run r = pcd("assess", EXAMPLE, "--format", "fhir");
    assertThat(r.code()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("resourceType").asText()).isEqualTo("Bundle");
    List<String> types = new java.util.ArrayList<>();
    json.get("entry").forEach(e -> types.add(e.at("/resource/resourceType").asText()));
    assertThat(types)
        .contains(
            "RequestGroup", "DetectedIssue", "GuidanceResponse", "Provenance", "MedicationRequest");
    assertThat(r.out()).contains("\"severity\": \"high\"").contains("MedicationRequest/order-1");
  }

  @Test
  void assess_notABundle_exit2(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("patient.json");
    Files.writeString(bad, "{\"resourceType\": \"Patient\", \"id\": \"x\"}");
    Run r = pcd("assess", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'Patient' is not a Bundle");
  }
}
