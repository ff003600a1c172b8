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
}
