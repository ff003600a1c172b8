package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.server.fixture.StartedServer;

/**
 * Issue 15, defects 8 and 11 over HTTP: CORS for the configured origins only, security headers and
 * no-store on every answer, the page without inline script, the report token out of the path, and
 * FHIR ids checked at the CDS Hooks door.
 */
class Issue15BrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String EHR = "https://ehr.example.org:8443";
  private static final KnowledgePack PACK = StartedServer.bundledPack();
  private static StartedServer server;
  private static JsonNode bundle;

  @BeforeAll
  static void start() throws Exception {
    bundle = JSON.readTree(Files.readString(Path.of("../examples/poems-disseminated.fhir.json")));
    server =
        StartedServer.builder()
            .embeddedAudit()
            .access(new BrowserAccess(List.of(EHR + "/")))
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  private static ObjectNode patientView(String patientId) {
    ObjectNode r =
        JSON.createObjectNode()
            .put("hook", "patient-view")
            .put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    r.putObject("context").put("userId", "Practitioner/1").put("patientId", patientId);
    r.putObject("prefetch").set("everything", bundle);
    return r;
  }

  private static HttpResponse<String> post(String path, JsonNode body) throws Exception {
    return send(
        to(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  @Test
  void cors_configuredOriginGetsTheHeaders_otherOriginsGetNone() throws Exception {
    HttpResponse<String> allowed = send(to("/cds-services").header("Origin", EHR));
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR);

    HttpResponse<String> other =
        send(to("/cds-services").header("Origin", "https://attacker.example"));
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    for (String path :
        List.of(
            "/cds-services",
            "/cds-services/pcd-patient-view",
            "/cds-services/pcd-order-sign/feedback")) {
      HttpResponse<String> preflight =
          send(
              to(path)
                  .header("Origin", EHR)
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "authorization, content-type")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      assertThat(preflight.statusCode()).as(path).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
          .contains("POST");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .contains("Authorization", "Content-Type");

      HttpResponse<String> refused =
          send(
              to(path)
                  .header("Origin", "https://attacker.example")
                  .header("Access-Control-Request-Method", "POST")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
    HttpResponse<String> service =
        send(
            to("/cds-services/pcd-patient-view")
                .header("Origin", EHR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(patientView("example").toString())));
    assertThat(service.statusCode()).as(service.body()).isEqualTo(200);
    assertThat(service.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR);
    // the REST API is for the same-origin page only
    assertThat(send(to("/health").header("Origin", EHR)).headers().map())
        .doesNotContainKey("access-control-allow-origin");
  }

  @Test
  void cors_anyOrigin_isRefusedWhileCdsHooksIsAuthenticated_andOriginsAreChecked() {
    assertThatThrownBy(
            () ->
                PcdServer.start(
                    PACK, PcdServer.Settings.defaults(), new BrowserAccess(List.of("*"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(*) is refused while CDS Hooks calls are authenticated");
    assertThatThrownBy(() -> new BrowserAccess(List.of("https://ehr.example.org/cds")))
        .hasMessageContaining("'https://ehr.example.org/cds' is not an origin");
  }

  @Test
  void everyAnswer_carriesSecurityHeadersAndNoStore() throws Exception {
    List<HttpResponse<String>> answers =
        List.of(
            send(to("/")),
            send(to("/page.js")),
            send(to("/cds-services")),
            send(to("/nowhere")),
            post("/cds-services/pcd-patient-view", patientView("example")),
            send(
                to("/api/assess")
                    .header("Content-Type", "application/yaml")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Files.readString(Path.of("../examples/poems-disseminated.yaml"))))));
    for (HttpResponse<String> r : answers) {
      String what = r.request().method() + " " + r.uri().getPath();
      assertThat(r.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
      assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
          .as(what)
          .contains("frame-ancestors 'none'", "script-src 'self';");
    }
    HttpResponse<String> page = answers.get(0);
    // the CSP forbids inline script: every script of the page is a served file
    assertThat(page.body()).contains("<script src=\"/page.js\"></script>");
    assertThat(page.body().replace("<script src=\"/page.js\"></script>", ""))
        .doesNotContain("<script");
    assertThat(answers.get(1).statusCode()).isEqualTo(200);
    assertThat(answers.get(1).headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/javascript");
    assertThat(answers.get(1).body()).contains("\"X-PCD-Report-Token\": token");
  }

  @Test
  void reportToken_travelsInAHeader_neverInThePath() throws Exception {
    HttpResponse<String> cds = post("/cds-services/pcd-patient-view", patientView("example"));
    String url = JSON.readTree(cds.body()).at("/cards/0/links/0/url").asText();
    String token = url.substring(url.indexOf("#report=") + "#report=".length());

    assertThat(send(to("/api/reports/" + token)).statusCode()).isEqualTo(404);
    HttpResponse<String> noHeader = send(to("/api/reports"));
    assertThat(noHeader.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noHeader.body()).path("detail").asText())
        .contains("X-PCD-Report-Token");
    HttpResponse<String> r = send(to("/api/reports").header("X-PCD-Report-Token", token));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("service").asText()).isEqualTo("pcd-patient-view");
  }

  @Test
  void patientId_notAFhirId_is400NamingIt() throws Exception {
    for (String id : List.of("../Patient/1", "p?x=1", "p/1", "a".repeat(65), "p\u001b]0;x\u0007")) {
      HttpResponse<String> r = post("/cds-services/pcd-patient-view", patientView(id));
      assertThat(r.statusCode()).as(id).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).path("detail").asText())
          .as(id)
          .startsWith("context.patientId: ")
          .contains("is not a FHIR id")
          .doesNotContain("\u001b");
    }
    assertThat(FhirIds.encoded("a b/c?d")).isEqualTo("a%20b%2Fc%3Fd");
  }

  @Test
  void draftOrderId_notAFhirId_isReported_notEchoedIntoASuggestion() throws Exception {
    ObjectNode request = patientView("example").put("hook", "order-select");
    ObjectNode draft =
        ((ObjectNode) request.get("context"))
            .putObject("draftOrders")
            .put("resourceType", "Bundle")
            .put("type", "collection")
            .putArray("entry")
            .addObject()
            .putObject("resource");
    draft
        .put("resourceType", "MedicationRequest")
        .put("id", "draft-1/../Patient/other")
        .put("status", "draft")
        .put("intent", "order");
    draft
        .putObject("medicationCodeableConcept")
        .putArray("coding")
        .addObject()
        .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
        .put("code", "10432");
    ((ObjectNode) request.get("context")).putArray("selections").add("MedicationRequest/draft-1");
    HttpResponse<String> r = post("/cds-services/pcd-order-select", request);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("detail").asText())
        .startsWith("context.draftOrders.entry[0].resource.id: 'draft-1/../Patient/other'")
        .contains("is not a FHIR id");
    assertThat(r.body()).doesNotContain("suggestions");
  }
}
