package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.app.InputFormat;
import org.pcdguide.app.OutputFormat;
import org.pcdguide.app.Report;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;
import org.pcdguide.server.AuditLog;
import org.pcdguide.server.PcdServer;
import org.pcdguide.testkit.NeedsPostgres;

/**
 * {@code pcd audit impact} (issue 15, item 13): what a changed pack would change for the patients
 * the audit log holds, record by record and in sum, read a window at a time from either store.
 */
class AuditImpactTest {
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  private static final Path POEMS = Path.of("../examples/poems-disseminated.yaml");
  private static final Path MYELOMA =
      Path.of("../pcd-core/src/test/resources/golden/myeloma-soft-tissue-emp.case.yaml");
  private static final Path PLASMACYTOSIS =
      Path.of("../pcd-core/src/test/resources/golden/plasmacytosis-systemic.case.yaml");

  /** Records a REST assessment of {@code file} at {@code at}, exactly as the server would. */
  private static String assessed(AuditLog log, Instant at, Path file, OutputFormat format)
      throws Exception {
    byte[] body = Files.readAllBytes(file);
    Report report =
        new AssessmentService(PACK, Terminology.bundled(), Clock.fixed(at, ZoneOffset.UTC))
            .report("body", body, InputFormat.DETECTED, Optional.empty(), format);
    return log.record(
        at,
        "anonymous (REST)",
        Report.kind(format),
        new String(body, StandardCharsets.UTF_8),
        "application/yaml",
        report.asOf(),
        PACK.version(),
        PACK.hash(),
        report.text(),
        Optional.empty(),
        Optional.empty());
  }

  /** A patient-view CDS Hooks call for the POEMS example, through the real server. */
  private static String cdsCall(Path data) throws Exception {
    try (PcdServer server =
        PcdServer.start(
            PACK,
            new PcdServer.Settings(
                "127.0.0.1",
                0,
                1 << 20,
                List.of(),
                Optional.empty(),
                Optional.of(AuditLog.embedded(data))))) {
      String request =
          "{\"hook\":\"patient-view\",\"hookInstance\":\"2f3a1b4c-0000-4000-8000-000000000001\","
              + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"example\"},"
              + "\"prefetch\":{\"everything\":"
              + Files.readString(Path.of("../examples/poems-disseminated.fhir.json"))
              + "}}";
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + "/cds-services/pcd-patient-view"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(request))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return r.headers().firstValue("X-PCD-Audit-Id").orElseThrow();
    }
  }

  /** A copy of the bundled knowledge/ in {@code k}, with {@code edit} applied to {@code file}. */
  private static Path alteredPack(
      Path k, String file, java.util.function.UnaryOperator<String> edit) throws Exception {
    Path from = Path.of("../knowledge");
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path to = k.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path changed = k.resolve(file);
    String yaml = Files.readString(changed);
    String edited = edit.apply(yaml);
    assertThat(edited).as("the edit applies").isNotEqualTo(yaml);
    Files.writeString(changed, edited);
    return k;
  }

  /** The POEMS example's headline entry with the bundled pack. */
  private static String poemsHeadline() throws Exception {
    String json =
        new AssessmentService(PACK, Terminology.bundled(), Clock.systemUTC())
            .report(
                "poems",
                Files.readAllBytes(POEMS),
                InputFormat.DETECTED,
                Optional.empty(),
                OutputFormat.JSON)
            .text();
    return new ObjectMapper().readTree(json).at("/headline/id").asText();
  }

  @Test
  void rewordedHeadline_changesThePoemsRecordsOnly_andNamesTheChange(
      @TempDir Path data, @TempDir Path k) throws Exception {
    AuditLog log = AuditLog.embedded(data);
    Instant at = Instant.parse("2026-11-01T09:00:00Z");
    String poems = assessed(log, at, POEMS, OutputFormat.JSON);
    String myeloma = assessed(log, at.plusSeconds(60), MYELOMA, OutputFormat.MARKDOWN);
    String plasmacytosis = assessed(log, at.plusSeconds(120), PLASMACYTOSIS, OutputFormat.TEXT);
    log.close();
    String cds = cdsCall(data);

    // today's pack changes nothing: exit 0
    PcdTest.Run same = PcdTest.pcd("audit", "impact", "--data-dir", data.toString());
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out().strip())
        .startsWith("examined 4, unchanged 4, changed 0, not replayable 0");

    String headline = poemsHeadline();
    Path pack =
        alteredPack(
            k,
            "poems.yaml",
            yaml -> {
              int entry = yaml.indexOf("- id: " + headline + "\n");
              int statement =
                  yaml.indexOf("    statement: >-\n", entry) + "    statement: >-\n".length();
              return yaml.substring(0, statement) + "      Reworded.\n" + yaml.substring(statement);
            });
    PcdTest.Run impact =
        PcdTest.pcd(
            "audit", "impact", "--data-dir", data.toString(), "--knowledge", pack.toString());
    assertThat(impact.code()).as(impact.err()).isEqualTo(3);
    assertThat(impact.out())
        .contains(poems + "  2026-11-01T09:00:00Z  assess:json  changed")
        .contains(cds)
        .contains("pcd-patient-view  changed")
        .contains("  headline changed: " + headline + " \"")
        .contains(" -> " + headline + " \"Reworded. ")
        .contains("  recommendation reworded: " + headline + " ")
        .doesNotContain(myeloma)
        .doesNotContain(plasmacytosis)
        .contains("examined 4, unchanged 2, changed 2, not replayable 0")
        .contains("\nheadline changed: 2\n")
        .contains("\nrecommendation reworded: 2\n");

    PcdTest.Run json =
        PcdTest.pcd(
            "audit",
            "impact",
            "--format",
            "json",
            "--data-dir",
            data.toString(),
            "--knowledge",
            pack.toString());
    assertThat(json.code()).isEqualTo(3);
    List<String> lines = json.out().lines().toList();
    assertThat(lines).hasSize(3);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.path("type").asText()).isEqualTo("changed");
    assertThat(first.path("id").asText()).isEqualTo(poems);
    assertThat(first.at("/changes/0/kind").asText()).isEqualTo("headline changed");
    JsonNode summary = new ObjectMapper().readTree(lines.get(2));
    assertThat(summary.path("examined").asInt()).isEqualTo(4);
    assertThat(summary.path("changed").asInt()).isEqualTo(2);
    assertThat(summary.at("/changes/headline changed").asInt()).isEqualTo(2);
    assertThat(summary.at("/baseline/hash").asText()).isEqualTo(PACK.hash());
  }

  @Test
  void avoidEntryNoLongerOnThalidomide_changesTheProposedOrdersDisposition(
      @TempDir Path data, @TempDir Path k) throws Exception {
    AuditLog log = AuditLog.embedded(data);
    Instant at = Instant.parse("2026-11-01T09:00:00Z");
    String myeloma = assessed(log, at, MYELOMA, OutputFormat.JSON);
    String poems = assessed(log, at.plusSeconds(1), POEMS, OutputFormat.JSON);
    log.close();
    Path pack =
        alteredPack(
            k,
            "myeloma-emp.yaml",
            yaml ->
                yaml.replace(
                    "    title: Thalidomide alone\n    agents: [thalidomide]\n",
                    "    title: Thalidomide alone\n    agents: [lenalidomide]\n"));

    PcdTest.Run impact =
        PcdTest.pcd(
            "audit", "impact", "--data-dir", data.toString(), "--knowledge", pack.toString());
    assertThat(impact.code()).as(impact.err()).isEqualTo(3);
    assertThat(impact.out())
        .contains(myeloma + "  2026-11-01T09:00:00Z  assess:json  changed")
        .containsPattern(
            "  proposed-order disposition changed: thalidomide \\(Thalidomide\\): [^\\n]*hits-avoid"
                + " EMP-AVOID-001[^\\n]* -> (?![^\\n]*hits-avoid)")
        .doesNotContain(poems)
        .contains("examined 2, unchanged 1, changed 1, not replayable 0")
        .contains("\nproposed-order disposition changed: 1\n");
  }

  @Test
  void window_examinesOnlyTheRecordsOfItsDays_andTheLimitStopsEarly(@TempDir Path data)
      throws Exception {
    AuditLog log = AuditLog.embedded(data);
    // --since is from 00:00 UTC of its day, --until to the end of its day
    assessed(log, Instant.parse("2026-10-01T08:00:00Z"), POEMS, OutputFormat.JSON);
    assessed(log, Instant.parse("2026-10-15T00:00:00Z"), POEMS, OutputFormat.JSON);
    assessed(log, Instant.parse("2026-10-20T23:59:00Z"), POEMS, OutputFormat.JSON);
    assessed(log, Instant.parse("2026-10-21T00:00:00Z"), POEMS, OutputFormat.JSON);
    log.close();

    PcdTest.Run window =
        PcdTest.pcd(
            "audit",
            "impact",
            "--since",
            "2026-10-15",
            "--until",
            "2026-10-20",
            "--format",
            "json",
            "--data-dir",
            data.toString());
    assertThat(window.code()).as(window.err()).isZero();
    assertThat(new ObjectMapper().readTree(window.out()).path("examined").asInt()).isEqualTo(2);

    assertThat(
            PcdTest.pcd("audit", "impact", "--since", "2026-10-21", "--data-dir", data.toString())
                .out())
        .startsWith("examined 1, ");
    assertThat(
            PcdTest.pcd("audit", "impact", "--until", "2026-10-01", "--data-dir", data.toString())
                .out())
        .startsWith("examined 1, ");
    assertThat(PcdTest.pcd("audit", "impact", "--limit", "3", "--data-dir", data.toString()).out())
        .startsWith("examined 3, unchanged 3");
  }

  @Test
  void badDatesFormatsAndLimits_exit2_namingTheOptionAndValue(@TempDir Path data) throws Exception {
    AuditLog log = AuditLog.embedded(data);
    assessed(log, Instant.parse("2026-10-01T08:00:00Z"), POEMS, OutputFormat.JSON);
    log.close();
    Map<List<String>, String> bad =
        Map.of(
            List.of("--since", "2026-13-01"),
            "--since '2026-13-01' is not a date (YYYY-MM-DD)",
            List.of("--until", "yesterday"),
            "--until 'yesterday' is not a date (YYYY-MM-DD)",
            List.of("--until", "+999999999-12-31"),
            "--until '+999999999-12-31' is not a date (YYYY-MM-DD)",
            List.of("--format", "xml"),
            "--format 'xml' is not one of text, json",
            List.of("--since", "2026-10-02", "--until", "2026-10-01"),
            "--since 2026-10-02 is after --until 2026-10-01",
            List.of("--limit", "0"),
            "--limit 0 must be at least 1");
    for (Map.Entry<List<String>, String> b : bad.entrySet()) {
      List<String> args = new java.util.ArrayList<>(List.of("audit", "impact"));
      args.addAll(b.getKey());
      args.addAll(List.of("--data-dir", data.toString()));
      PcdTest.Run run = PcdTest.pcd(args.toArray(String[]::new));
      assertThat(run.code()).as(b.getKey().toString()).isEqualTo(2);
      assertThat(run.err()).as(b.getKey().toString()).isEqualTo("pcd: " + b.getValue() + "\n");
      assertThat(run.out()).isEmpty();
    }
    PcdTest.Run noStore =
        PcdTest.pcd("audit", "impact", "--data-dir", data.resolve("absent").toString());
    assertThat(noStore.code()).isEqualTo(2);
    assertThat(noStore.err()).contains("no such directory");
  }

  @Test
  @NeedsPostgres
  void impact_readsPostgres_andItsWindow() throws Exception {
    String url = System.getenv("PCD_TEST_POSTGRES_URL");
    String user = System.getenv("PCD_TEST_POSTGRES_USER");
    String password = System.getenv("PCD_TEST_POSTGRES_PASSWORD");
    // a day of its own in a shared database, so the window holds this test's records only; after
    // 2002, which the store tests' prune --before 2002-01-01 expects to be alone in
    java.time.LocalDate day =
        java.time.LocalDate.of(2010, 1, 1)
            .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(3000));
    Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    AuditLog log = AuditLog.open(url, user, password);
    assessed(log, at, POEMS, OutputFormat.JSON);
    assessed(log, at.plusSeconds(1), MYELOMA, OutputFormat.JSON);
    log.close();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Pcd.run(
            new String[] {
              "audit",
              "impact",
              "--since",
              day.toString(),
              "--until",
              day.toString(),
              "--audit-jdbc-url",
              url,
              "--audit-user",
              user
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC(),
            Map.of("PCD_AUDIT_PASSWORD", password));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("examined 2, unchanged 2, changed 0, not replayable 0");
  }
}
