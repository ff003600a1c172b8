package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
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
import org.pcdguide.server.fixture.StartedServer;

/**
 * CDS Hooks 2.0 against the real server: the specification's own request example, an EHR-like
 * client with prefetch and draft orders, and an in-process FHIR endpoint for missing prefetch.
 */
class CdsHooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Path EXTERNAL = Path.of("../test-data/external");
  private static final List<String> AUTHORIZATIONS = new ArrayList<>();
  private static Javalin fhir;
  private static StartedServer server;
  private static JsonNode poems;

  @BeforeAll
  static void start() throws Exception {
    poems = JSON.readTree(Files.readString(Path.of("../examples/poems-disseminated.fhir.json")));
    fhir =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/fhir/Patient/{id}",
                      ctx -> {
                        AUTHORIZATIONS.add(String.valueOf(ctx.header("Authorization")));
                        ctx.contentType("application/fhir+json")
                            .result(resource("Patient").toString());
                      });
                  for (String type :
                      List.of("Condition", "Observation", "MedicationRequest", "Procedure")) {
                    c.routes.get(
                        "/fhir/" + type,
                        ctx ->
                            ctx.contentType("application/fhir+json")
                                .result(searchset(type).toString()));
                  }
                })
            .start("127.0.0.1", 0);
    server =
        StartedServer.builder()
            .fhirServers(List.of("http://127.0.0.1:" + fhir.port() + "/fhir"))
            .embeddedAudit()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
    fhir.stop();
  }

  private static JsonNode resource(String type) {
    for (JsonNode e : poems.get("entry")) {
      if (e.at("/resource/resourceType").asText().equals(type)) {
        return e.get("resource");
      }
    }
    throw new IllegalStateException(type);
  }

  private static ObjectNode searchset(String type) {
    ObjectNode b = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    ArrayNode entries = b.putArray("entry");
    for (JsonNode e : poems.get("entry")) {
      String t = e.at("/resource/resourceType").asText();
      if (t.equals(type) || (type.equals("Observation") && t.equals("Specimen"))) {
        entries.addObject().set("resource", e.get("resource"));
      }
    }
    return b;
  }

  private static HttpResponse<String> post(String path, JsonNode body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static ObjectNode request(String hook, boolean prefetch) {
    ObjectNode r = JSON.createObjectNode();
    r.put("hook", hook);
    r.put("hookInstance", "a1b2c3d4-0000-4000-8000-000000000001");
    r.putObject("context").put("userId", "Practitioner/example").put("patientId", "p");
    if (prefetch) {
      ObjectNode p = r.putObject("prefetch");
      p.set("patient", resource("Patient"));
      for (String type : List.of("Condition", "Observation", "Procedure")) {
        p.set(type.toLowerCase() + "s", searchset(type));
      }
    }
    return r;
  }

  private static ObjectNode draftOrders(String rxnorm) {
    ObjectNode b = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
    ObjectNode mr = b.putArray("entry").addObject().putObject("resource");
    mr.put("resourceType", "MedicationRequest")
        .put("id", "draft-1")
        .put("status", "draft")
        .put("intent", "order");
    mr.putObject("medicationCodeableConcept")
        .putArray("coding")
        .addObject()
        .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
        .put("code", rxnorm);
    mr.putObject("subject").put("reference", "Patient/p");
    return b;
  }

  @Test
  void discovery_listsThreeServicesWithPrefetchTemplates() throws Exception {
    JsonNode d =
        JSON.readTree(
            CLIENT
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/cds-services"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    List<String> hooks = new ArrayList<>();
    d.get("services").forEach(s -> hooks.add(s.get("hook").asText()));
    assertThat(hooks).containsExactly("patient-view", "order-select", "order-sign");
    assertThat(d.at("/services/0/prefetch/patient").asText())
        .isEqualTo("Patient/{{context.patientId}}");
  }

  @Test
  void specificationsPatientViewExample_answersWithCards() throws Exception {
    JsonNode example =
        JSON.readTree(EXTERNAL.resolve("HL7-cds-hooks/2.0.1/request-patient-view.json").toFile());
    HttpResponse<String> r = post("/cds-services/pcd-patient-view", example);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("cards").isArray()).isTrue();
  }

  @Test
  void patientView_headlineCardWithEvidenceGradeAndSource() throws Exception {
    JsonNode cards =
        JSON.readTree(post("/cds-services/pcd-patient-view", request("patient-view", true)).body())
            .get("cards");
    JsonNode headline = cards.get(0);
    assertThat(headline.get("summary").asText().length()).isLessThan(140);
    assertThat(headline.get("indicator").asText()).isEqualTo("info");
    assertThat(headline.at("/source/topic/code").asText()).isEqualTo("POEMS-TX-004");
    assertThat(headline.get("detail").asText()).contains("grade **low**");
    assertThat(headline.get("uuid").asText()).hasSize(36);
    cards.forEach(c -> assertThat(c.get("summary").asText().length()).isLessThan(140));
    // every card links to the page with this patient's full report by a short random token,
    // which the page exchanges for the recorded call's resources
    String url = headline.at("/links/0/url").asText();
    assertThat(headline.at("/links/0/type").asText()).isEqualTo("absolute");
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/#report=[A-Za-z0-9_-]{22}");
    cards.forEach(c -> assertThat(c.at("/links/0/url").asText()).isEqualTo(url));
    HttpResponse<String> report =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/reports"))
                .header("X-PCD-Report-Token", url.substring(url.indexOf("#report=") + 8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode call = JSON.readTree(report.body());
    assertThat(call.path("service").asText()).isEqualTo("pcd-patient-view");
    assertThat(call.path("asOf").asText()).isEqualTo(java.time.LocalDate.now().toString());
    assertThat(call.at("/bundle/type").asText()).isEqualTo("collection");
    assertThat(call.get("bundle").findValuesAsText("resourceType"))
        .contains("Patient", "Condition");
  }

  @Test
  void reportLink_unknownOrMalformedToken_isA404Problem() throws Exception {
    for (String token : List.of("AAAAAAAAAAAAAAAAAAAAAA", "not-a-token", "' OR 1=1")) {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.port() + "/api/reports"))
                  .header("X-PCD-Report-Token", token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(token).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("older than 24 hours");
    }
  }

  @Test
  void orderSelect_thalidomideDraft_criticalCardWithOverrideReasonsAndRemoveSuggestion()
      throws Exception {
    ObjectNode req = request("order-select", true);
    ((ObjectNode) req.get("context")).set("draftOrders", draftOrders("10432"));
    ((ObjectNode) req.get("context")).putArray("selections").add("MedicationRequest/draft-1");
    JsonNode cards = JSON.readTree(post("/cds-services/pcd-order-select", req).body()).get("cards");
    assertThat(cards).isNotEmpty();
    JsonNode card = cards.get(0);
    assertThat(card.get("indicator").asText()).isEqualTo("critical");
    assertThat(card.get("overrideReasons").size()).isGreaterThanOrEqualTo(2);
    assertThat(card.at("/suggestions/0/actions/0/type").asText()).isEqualTo("delete");
    assertThat(card.at("/suggestions/0/actions/0/resourceId/0").asText())
        .isEqualTo("MedicationRequest/draft-1");
  }

  @Test
  void orderSign_fineOrder_noCards() throws Exception {
    ObjectNode req = request("order-sign", true);
    ((ObjectNode) req.get("context")).set("draftOrders", draftOrders("342369"));
    JsonNode cards = JSON.readTree(post("/cds-services/pcd-order-sign", req).body()).get("cards");
    assertThat(cards).isEmpty();
  }

  @Test
  void noPrefetchAndNoFhirServer_412() throws Exception {
    HttpResponse<String> r = post("/cds-services/pcd-patient-view", request("patient-view", false));
    assertThat(r.statusCode()).isEqualTo(412);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void noPrefetch_fetchesFromTheAllowedFhirServerWithTheEhrsToken() throws Exception {
    ObjectNode req = request("patient-view", false);
    req.put("fhirServer", "http://127.0.0.1:" + fhir.port() + "/fhir");
    req.putObject("fhirAuthorization")
        .put("access_token", "token-123")
        .put("token_type", "Bearer")
        .put("expires_in", 300)
        .put("scope", "user/Patient.read")
        .put("subject", "pcd");
    HttpResponse<String> r = post("/cds-services/pcd-patient-view", req);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(AUTHORIZATIONS).contains("Bearer token-123");
    assertThat(JSON.readTree(r.body()).at("/cards/0/source/topic/code").asText())
        .isEqualTo("POEMS-TX-004");
  }

  @Test
  void fhirServerNotOnTheList_412WithoutAnyOutgoingCall() throws Exception {
    JsonNode inferno =
        JSON.readTree(
            EXTERNAL
                .resolve(
                    "inferno-framework-davinci-crd-test-kit/fixtures/order_sign_hook_request.json")
                .toFile());
    HttpResponse<String> r = post("/cds-services/pcd-order-sign", inferno);
    assertThat(r.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(r.body()).get("detail").asText())
        .contains("not on this server's list");
  }

  @Test
  void feedback_onCardsThisServerNeverIssued_isRefused_invalidRejected() throws Exception {
    // the specification's examples name cards of another service: never issued here (issue 15)
    JsonNode accepted =
        JSON.readTree(EXTERNAL.resolve("HL7-cds-hooks/2.0.1/feedback-accepted.json").toFile());
    HttpResponse<String> unknown = post("/cds-services/pcd-order-select/feedback", accepted);
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(unknown.body()).get("title").asText()).isEqualTo("Unknown card");
    assertThat(JSON.readTree(unknown.body()).get("detail").asText())
        .contains(accepted.at("/feedback/0/card").asText());
    JsonNode overridden =
        JSON.readTree(
            EXTERNAL.resolve("HL7-cds-hooks/2.0.1/feedback-overridden-with-reason.json").toFile());
    assertThat(post("/cds-services/pcd-order-select/feedback", overridden).statusCode())
        .isEqualTo(422);
    ObjectNode bad = JSON.createObjectNode();
    bad.putArray("feedback").addObject().put("card", "x").put("outcome", "ignored");
    assertThat(post("/cds-services/pcd-order-select/feedback", bad).statusCode()).isEqualTo(422);
  }

  @Test
  void wrongHookOrUnknownService_clearErrors() throws Exception {
    assertThat(post("/cds-services/pcd-patient-view", request("order-sign", true)).statusCode())
        .isEqualTo(400);
    assertThat(post("/cds-services/nope", request("patient-view", true)).statusCode())
        .isEqualTo(404);
  }
}
