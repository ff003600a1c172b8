package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pcdguide.server.fixture.StartedServer;

/**
 * Issue 15, defects 1 and 5 at the HTTP doors: a lab unit too costly for UCUM and a value that
 * overflows a double once converted are a 422 problem naming the field, through the REST API (case
 * file and FHIR Bundle) and CDS Hooks, instead of a hang or a 500.
 */
class Issue15UnitsDoorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  private static HttpResponse<String> post(String path, String type, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The single error of a 422 problem body, as "path: detail". */
  private static String only422Error(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode errors = JSON.readTree(r.body()).get("errors");
    assertThat(errors).hasSize(1);
    return errors.get(0).get("path").asText() + ": " + errors.get(0).get("detail").asText();
  }

  private static String caseWith(String value, String unit) {
    return "pcd-case: 1\nlabs:\n  - {test: hemoglobin, value: "
        + value
        + ", unit: '"
        + unit
        + "'}\n";
  }

  private static String observation(String value, String unit) {
    return "{\"resourceType\":\"Observation\",\"id\":\"hb\",\"status\":\"final\",\"code\":"
        + "{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\"}]},"
        + "\"subject\":{\"reference\":\"Patient/p\"},"
        + "\"valueQuantity\":{\"value\":"
        + value
        + ",\"code\":\""
        + unit
        + "\"}}";
  }

  private static final String PATIENT =
      "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"female\",\"birthDate\":\"1960-01-01\"}";

  private static String bundle(String observation) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
        + PATIENT
        + "},{\"resource\":"
        + observation
        + "}]}";
  }

  private static String patientView(String observation) {
    return "{\"hook\":\"patient-view\",\"hookInstance\":\"a1b2c3d4-0000-4000-8000-000000000015\","
        + "\"context\":{\"userId\":\"Practitioner/x\",\"patientId\":\"p\"},\"prefetch\":"
        + "{\"patient\":"
        + PATIENT
        + ",\"observations\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":"
        + "[{\"resource\":"
        + observation
        + "}]}}}";
  }

  // before the fix each of these held a worker thread (and the factor map's lock) for ever; the
  // timeout only turns a hang into a failure
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void hugePowerOfTen_422NamingTheUnitAtEveryDoor() throws Exception {
    String unit = "10^99999999.g/dL";
    String refused = "is refused: it has a power of ten beyond 24 ('10^99999999')";
    assertThat(only422Error(post("/api/assess", "application/yaml", caseWith("12", unit))))
        .isEqualTo("labs[0].unit: '" + unit + "' " + refused);
    assertThat(
            only422Error(
                post("/api/assess", "application/fhir+json", bundle(observation("12", unit)))))
        .isEqualTo("Observation/hb.valueQuantity.code: '" + unit + "' " + refused);
    assertThat(
            only422Error(
                post(
                    "/cds-services/pcd-patient-view",
                    "application/json",
                    patientView(observation("12", unit)))))
        .isEqualTo("Observation/hb.valueQuantity.code: '" + unit + "' " + refused);
  }

  @Test
  void valueOverflowingOnConversion_422NamingTheValueAtEveryDoor() throws Exception {
    // before the fix the case-file door answered 500 (an IllegalArgumentException from Lab)
    assertThat(only422Error(post("/api/assess", "application/yaml", caseWith("1e308", "kg/dL"))))
        .isEqualTo("labs[0].value: '1.0E308 kg/dL' is out of range in g/dL");
    assertThat(
            only422Error(
                post(
                    "/api/assess",
                    "application/json",
                    "{\"pcd-case\":1,\"labs\":[{\"test\":\"hemoglobin\",\"value\":1e308,"
                        + "\"unit\":\"kg/dL\"}]}")))
        .isEqualTo("labs[0].value: '1.0E308 kg/dL' is out of range in g/dL");
    String fhir = "Observation/hb.valueQuantity.value: '1.0E308 kg/dL' is out of range in g/dL";
    assertThat(
            only422Error(
                post(
                    "/api/assess", "application/fhir+json", bundle(observation("1e308", "kg/dL")))))
        .isEqualTo(fhir);
    assertThat(
            only422Error(
                post(
                    "/cds-services/pcd-patient-view",
                    "application/json",
                    patientView(observation("1e308", "kg/dL")))))
        .isEqualTo(fhir);
  }

  @Test
  void notANumber_422NamingTheValue() throws Exception {
    assertThat(only422Error(post("/api/assess", "application/yaml", caseWith("1e999", "g/dL"))))
        .isEqualTo("labs[0].value: 'Infinity' is not a number");
    assertThat(
            only422Error(
                post(
                    "/cds-services/pcd-patient-view",
                    "application/json",
                    patientView(observation("1e999", "g/dL")))))
        .isEqualTo("Observation/hb.valueQuantity.value: 'Infinity' is not a finite decimal number");
  }
}
