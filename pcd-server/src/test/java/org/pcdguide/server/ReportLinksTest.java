package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.server.fixture.StartedServer;

/** A card's full-report link shows the recorded call's assessment and records nothing new. */
class ReportLinksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** A patient-view call with the example Bundle prefetched. */
  static HttpResponse<String> patientView(int port) throws Exception {
    ObjectNode request = JSON.createObjectNode();
    request.put("hook", "patient-view").put("hookInstance", "7f3c5e2a-1111-4222-8333-944455556666");
    request.putObject("context").put("userId", "Practitioner/1").put("patientId", "example");
    request
        .putObject("prefetch")
        .set(
            "everything",
            JSON.readTree(Files.readString(Path.of("../examples/poems-disseminated.fhir.json"))));
    return CLIENT.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/cds-services/pcd-patient-view"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void openingAReportLink_showsTheRecordedAssessment_andLeavesTheAuditRecordCountUnchanged(
      @TempDir Path dir) throws Exception {
    AuditLog log = AuditLog.embedded(dir);
    try (StartedServer server =
        StartedServer.builder()
            .audit(log)
            .clock(AuditReplayTest.LATE_EVENING_UTC_MINUS_5)
            .start()) {
      HttpResponse<String> cds = patientView(server.port());
      assertThat(cds.statusCode()).as(cds.body()).isEqualTo(200);
      String url = JSON.readTree(cds.body()).at("/cards/0/links/0/url").asText();
      String token = url.substring(url.indexOf("#report=") + "#report=".length());
      int records = log.recent(Integer.MAX_VALUE).size();

      for (int opened = 0; opened < 2; opened++) {
        HttpResponse<String> r =
            CLIENT.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/reports"))
                    .header("X-PCD-Report-Token", token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("asOf").asText()).isEqualTo("2026-10-31");
        JsonNode assessment = body.get("assessment");
        assertThat(assessment.at("/headline/statement").asText())
            .startsWith("Lenalidomide-dexamethasone");
        assertThat(assessment.path("avoid").findValuesAsText("id")).contains("POEMS-AVOID-001");
        assertThat(body.at("/bundle/type").asText()).isEqualTo("collection");
      }
      assertThat(log.recent(Integer.MAX_VALUE)).hasSize(records);
    } finally {
      log.close();
    }
  }
}
