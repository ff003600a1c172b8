package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.server.fixture.StartedServer;

/** Every assessment and CDS Hooks call leaves a committed record; feedback links by card uuid. */
class AuditLogTest {
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void assessAndCdsCalls_areRecordedWithHashes_andFeedbackIsLinked(@TempDir Path dir)
      throws Exception {
    AuditLog log = AuditLog.embedded(dir);
    try (StartedServer server = StartedServer.builder().audit(log).start()) {
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> assess =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/api/assess"))
                  .header("Content-Type", "application/yaml")
                  .POST(
                      HttpRequest.BodyPublishers.ofFile(
                          Path.of("../examples/poems-disseminated.yaml")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String id = assess.headers().firstValue("X-PCD-Audit-Id").orElseThrow();
      AuditLog.Record r = log.get(id).orElseThrow();
      assertThat(r.kind()).isEqualTo("assess:json");
      assertThat(r.outputHash()).isEqualTo(AuditLog.sha256(assess.body()));
      assertThat(r.inputHash())
          .isEqualTo(
              AuditLog.sha256(Files.readString(Path.of("../examples/poems-disseminated.yaml"))));
      assertThat(r.knowledgeHash()).isEqualTo(PACK.hash());

      String bundle = Files.readString(Path.of("../examples/poems-disseminated.fhir.json"));
      var poems = new ObjectMapper().readTree(bundle);
      var req =
          new ObjectMapper()
              .createObjectNode()
              .put("hook", "patient-view")
              .put("hookInstance", "11111111-2222-4333-8444-555555555555");
      req.putObject("context").put("patientId", "p");
      var prefetch = req.putObject("prefetch");
      var b =
          prefetch.putObject("everything").put("resourceType", "Bundle").put("type", "searchset");
      b.set("entry", poems.get("entry"));
      HttpResponse<String> cds =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/cds-services/pcd-patient-view"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(req.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      AuditLog.Record call =
          log.get(cds.headers().firstValue("X-PCD-Audit-Id").orElseThrow()).orElseThrow();
      assertThat(call.kind()).isEqualTo("pcd-patient-view");
      assertThat(call.caller()).contains("development");
      String card = new ObjectMapper().readTree(cds.body()).at("/cards/0/uuid").asText();
      assertThat(call.cards()).hasValueSatisfying(c -> assertThat(c).contains(card));

      String feedback =
          "{\"feedback\": [{\"card\": \""
              + card
              + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-11-01T10:00:00Z\"}]}";
      assertThat(
              CLIENT
                  .send(
                      HttpRequest.newBuilder(
                              URI.create(base + "/cds-services/pcd-patient-view/feedback"))
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(feedback))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
      assertThat(log.feedbackFor(card)).containsExactly("accepted");
    }
  }

  @Test
  void reportTokens_expire_andRecordsReplayWithTheLinkTheyWereSentWith(@TempDir Path dir)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    var call = json.createObjectNode();
    call.put("service", "pcd-patient-view").put("hookInstance", "h-1");
    call.put("base", "https://pcd.example.org").put("asOf", "2026-12-01");
    var resources = call.putArray("resources");
    json.readTree(Files.readString(Path.of("../examples/poems-disseminated.fhir.json")))
        .get("entry")
        .forEach(e -> resources.add(e.get("resource")));
    call.putArray("draftOrders");
    String recorded =
        CdsCall.recorded(call.toString()).encoded(); // as the server records it: deflated
    String token = AuditLog.newReportToken();
    assertThat(token).matches("[A-Za-z0-9_-]{22}").isNotEqualTo(AuditLog.newReportToken());

    var terminology = org.pcdguide.fhir.Terminology.bundled();
    String cards = CdsCall.replay(PACK, terminology, recorded, Optional.of(token));
    assertThat(cards).contains("\"https://pcd.example.org/#report=" + token + "\"");
    java.time.Instant at = java.time.Instant.parse("2026-12-01T10:00:00Z");
    AuditLog log = AuditLog.embedded(dir);
    String id =
        log.record(
            at,
            "test",
            "pcd-patient-view",
            recorded,
            CdsCall.RECORDED_TYPE,
            Optional.of("2026-12-01"),
            PACK.version(),
            PACK.hash(),
            cards,
            Optional.of(cards),
            Optional.of(token));
    java.time.Duration day = java.time.Duration.ofHours(24);
    assertThat(log.report(token, day, at.plusSeconds(23 * 3600))).map(r -> r.id()).hasValue(id);
    assertThat(log.report(token, day, at.plusSeconds(25 * 3600))).isEmpty();
    assertThat(log.report(AuditLog.newReportToken(), day, at)).isEmpty();
    assertThat(log.report("' OR 1=1 --", day, at)).isEmpty();
    assertThat(log.get(id).orElseThrow().reportToken()).hasValue(token);
    assertThat(CdsCall.decoded(recorded)).contains("\"asOf\":\"2026-12-01\"");
    assertThat(recorded.length()).isLessThan(call.toString().length() / 2);

    // a call recorded before report tokens (no token) replays with the link it was sent with,
    // which carried the recorded call itself
    String legacy = recorded;
    String replayed = CdsCall.replay(PACK, terminology, legacy, Optional.empty());
    assertThat(replayed).contains("\"https://pcd.example.org/#call=" + legacy + "\"");
    assertThat(replayed.replace("/#call=" + legacy, "/#report=" + token)).isEqualTo(cards);
  }

  @Test
  void get_idWithAQuoteOrAnyOtherCharacter_isBoundAsItIs(@TempDir Path dir) {
    AuditLog log = AuditLog.embedded(dir);
    try {
      String id =
          log.record(
              java.time.Instant.parse("2026-11-01T10:00:00Z"),
              "test",
              "assess:json",
              "{}",
              "application/json",
              Optional.of("2026-11-01"),
              PACK.version(),
              PACK.hash(),
              "{}",
              Optional.empty(),
              Optional.empty());
      assertThat(log.get(id)).map(AuditLog.Record::id).hasValue(id);
      // the id is a bound parameter: a quote is just a character that no id contains (the old
      // query stripped such characters, so these found the record)
      assertThat(log.get(id + "'")).isEmpty();
      assertThat(log.get("' OR '1'='1")).isEmpty();
      assertThat(log.get(id.toUpperCase(java.util.Locale.ROOT) + "' OR 'x'='x")).isEmpty();
      assertThat(log.recent(1)).hasSize(1);
    } finally {
      log.close();
    }
  }

  @Test
  void anEarlierVersionsH2AuditLog_isImportedOnce_andKept(@TempDir Path dir) throws Exception {
    // the embedded store of an earlier version: H2, schema V1, one record and its feedback
    try (var h2 =
            java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("audit"), "sa", "");
        var s = h2.createStatement()) {
      for (String sql :
          new String(
                  AuditLog.class.getResourceAsStream("/db/audit/V1__audit.sql").readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8)
              .split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
      s.execute(
          "INSERT INTO audit_record VALUES ('11111111-2222-4333-8444-555555555555',"
              + " TIMESTAMP '2026-11-20 09:30:00', 'iss sub', 'assess:json', 'sha256:in',"
              + " '{\"case\": 1}', 'application/json', NULL, '2026.11.1', 'sha256:k',"
              + " 'sha256:out', NULL)");
      s.execute(
          "INSERT INTO audit_feedback VALUES ('f1', TIMESTAMP '2026-11-20 09:31:00',"
              + " 'pcd-order-sign', 'card-1', 'overridden', '[]', 'iss sub')");
    }
    AuditLog log = AuditLog.embedded(dir);
    AuditLog.Record r = log.get("11111111-2222-4333-8444-555555555555").orElseThrow();
    assertThat(r.input()).isEqualTo("{\"case\": 1}");
    assertThat(r.outputHash()).isEqualTo("sha256:out");
    assertThat(r.recordedAt())
        .isEqualTo(
            java.time.LocalDateTime.parse("2026-11-20T09:30:00")
                .atZone(java.time.ZoneId.systemDefault())
                .toInstant());
    assertThat(log.feedbackFor("card-1")).containsExactly("overridden");
    assertThat(dir.resolve("audit.mv.db")).doesNotExist();
    assertThat(dir.resolve("audit.mv.db.imported")).exists();
    log.close();
    // opened again: nothing imported twice
    AuditLog again = AuditLog.embedded(dir);
    assertThat(again.recent(10)).hasSize(1);
    again.close();
  }
}
