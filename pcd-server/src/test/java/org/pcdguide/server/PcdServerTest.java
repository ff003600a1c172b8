package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.server.fixture.StartedServer;

/** The real server on an ephemeral loopback port, called over HTTP. */
class PcdServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KnowledgePack PACK = StartedServer.bundledPack();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static StartedServer server;

  @BeforeAll
  static void start() {
    server = StartedServer.builder().maxRequestBytes(64 * 1024).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String type, byte[] body)
      throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] example(String name) throws IOException {
    return Files.readAllBytes(Path.of("../examples/" + name));
  }

  @Test
  void health_namesTheKnowledgeVersionAndHash() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).at("/knowledge/hash").asText()).isEqualTo(PACK.hash());
  }

  @Test
  void assess_yamlCase_returnsTheAssessmentContract() throws Exception {
    HttpResponse<String> r =
        post("/api/assess", "application/yaml", example("poems-disseminated.yaml"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode a = JSON.readTree(r.body());
    assertThat(a.at("/recommendations/0/id").asText()).isEqualTo("POEMS-TX-004");
    assertThat(a.at("/avoid/0/severity").asText()).isEqualTo("critical");
  }

  @Test
  void assess_fhirBundle_sameAssessmentAsTheCaseFile() throws Exception {
    HttpResponse<String> fhir =
        post("/api/assess", "application/fhir+json", example("poems-disseminated.fhir.json"));
    HttpResponse<String> yaml =
        post("/api/assess", "application/yaml", example("poems-disseminated.yaml"));
    assertThat(fhir.statusCode()).isEqualTo(200);
    assertThat(fhir.body()).isEqualTo(yaml.body());
  }

  @Test
  void assess_formatFhirAndMarkdown() throws Exception {
    HttpResponse<String> fhir =
        post("/api/assess?format=fhir", "application/yaml", example("poems-disseminated.yaml"));
    assertThat(fhir.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
    assertThat(JSON.readTree(fhir.body()).get("resourceType").asText()).isEqualTo("Bundle");
    HttpResponse<String> md =
        post("/api/assess?format=markdown", "application/yaml", example("poems-disseminated.yaml"));
    assertThat(md.body()).startsWith("# PCD Guide assessment");
  }

  @Test
  void invalidCase_422ProblemNamingEveryField_noStackTrace() throws Exception {
    String bad =
        "pcd-case: 1\npatient: {age: 200}\nlabs:\n  - {test: hemoglobin, value: 6.2, unit: mmol/L}\n";
    HttpResponse<String> r = post("/api/assess", "application/yaml", bad.getBytes());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    List<String> paths = new ArrayList<>();
    p.get("errors").forEach(e -> paths.add(e.get("path").asText()));
    assertThat(paths).containsExactlyInAnyOrder("patient.age", "labs[0].unit");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void malformedBody_400() throws Exception {
    HttpResponse<String> r =
        post("/api/assess", "application/json", "{\"pcd-case\": 1, ".getBytes());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("title").asText()).isEqualTo("Malformed request");
  }

  @Test
  void wrongMediaType_415() throws Exception {
    HttpResponse<String> r = post("/api/assess", "text/plain", "hello".getBytes());
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(415);
  }

  @Test
  void bodyOverTheLimit_413() throws Exception {
    byte[] big = new byte[70 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> r = post("/api/assess", "application/json", big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void badParameters_400() throws Exception {
    assertThat(
            post(
                    "/api/assess?as-of=yesterday",
                    "application/yaml",
                    example("poems-disseminated.yaml"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post("/api/assess?format=pdf", "application/yaml", example("poems-disseminated.yaml"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void knowledgeEntriesAndVocabulary() throws Exception {
    JsonNode index = JSON.readTree(get("/api/knowledge").body());
    assertThat(index.get("entries").size()).isGreaterThan(90);
    JsonNode entry = JSON.readTree(get("/api/knowledge/POEMS-AVOID-001").body());
    assertThat(entry.at("/evidence/0/quote").asText())
        .startsWith("Do not use thalidomide-based regimens");
    assertThat(entry.get("doc").asText()).contains("## Where sources disagree");
    HttpResponse<String> missing = get("/api/knowledge/NO-SUCH-1");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(get("/api/vocabulary").body()).at("/labs/hemoglobin/unit").asText())
        .isEqualTo("g/dL");
  }

  @Test
  void unknownPath_404Problem() throws Exception {
    HttpResponse<String> r = get("/nowhere");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void openApi_listsExactlyTheServedRoutes() throws Exception {
    JsonNode doc = JSON.readTree(get("/openapi.json").body());
    List<String> documented = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
    assertThat(documented).containsExactlyInAnyOrderElementsOf(Api.ROUTES);
    for (String route : Api.ROUTES) {
      if (route.startsWith("GET ") && !route.equals("GET /api/reports")) {
        String path = route.substring(4).replace("{id}", "POEMS-TX-001");
        assertThat(get(path).statusCode()).as(route).isEqualTo(200);
      }
    }
  }
}
