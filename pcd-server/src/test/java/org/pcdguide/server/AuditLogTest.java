package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/** Every assessment and CDS Hooks call leaves a committed record; feedback links by card uuid. */
class AuditLogTest {
  private static final KnowledgePack PACK = YamlKnowledgePackSource.bundled().load();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Test
  void assessAndCdsCalls_areRecordedWithHashes_andFeedbackIsLinked(@TempDir Path dir)
      throws Exception {
    AuditLog log = AuditLog.embedded(dir);
    try (PcdServer server =
        PcdServer.start(
            PACK,
            new PcdServer.Settings(
                "127.0.0.1", 0, 1024 * 1024, List.of(), Optional.empty(), Optional.of(log)))) {
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
    String recorded = call.toString();
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

    // a call recorded before report tokens (deflated, base64url) replays with its own link
    java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
    try (var z =
        new java.util.zip.DeflaterOutputStream(
            deflated, new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED, true))) {
      z.write(recorded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String legacy =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(deflated.toByteArray());
    String replayed = CdsCall.replay(PACK, terminology, legacy, Optional.empty());
    assertThat(replayed).contains("\"https://pcd.example.org/#call=" + legacy + "\"");
    assertThat(replayed.replace("/#call=" + legacy, "/#report=" + token)).isEqualTo(cards);
  }
}
