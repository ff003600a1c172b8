package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.pcdguide.app.AssessmentService;

/**
 * Runs one CDS Hooks patient-view call in process, unrecorded, while the server starts: the example
 * patient of {@code examples/poems-disseminated.fhir.json} prefetched. It loads and links what the
 * first EHR call needs (the FHIR JSON door, the UCUM tables, the engine, the cards, the audit
 * compression) on a thread of its own, beside the HTTP server's start, so that the first call does
 * not pay for it (issue 16: cold start). Nothing it does is recorded or answered to anyone; a
 * failure is logged and changes nothing.
 */
final class Warmup {
  static final String REQUEST = "warm-up-request.json";

  private Warmup() {}

  /** Starts the warm-up on a daemon thread and returns it. */
  static Thread start(AssessmentService service, Cards cards) {
    Thread t = new Thread(() -> run(service, cards), "pcd-warm-up");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The warm-up call's cards response; throws if the bundled request cannot be assessed. */
  static CardsResponse call(AssessmentService service, Cards cards) throws IOException {
    byte[] body;
    try (InputStream in = Warmup.class.getResourceAsStream(REQUEST)) {
      if (in == null) {
        throw new IOException(REQUEST + " is missing from the classpath");
      }
      body = in.readAllBytes();
    }
    JsonNode request = Problems.JSON.readTree(body);
    List<JsonNode> resources = new ArrayList<>();
    request.path("prefetch").forEach(v -> Prefetch.add(v, resources));
    CdsCall call =
        new CdsCall(
            "pcd-patient-view",
            request.path("hookInstance").asText(),
            "http://127.0.0.1",
            service.today().date(),
            resources,
            List.of());
    CardsResponse response = call.response(service, cards, "");
    RecordedCall.of(call, body, request);
    AuditRows.sha256(response.json());
    return response;
  }

  /**
   * Posts the warm-up request to this server's own patient-view service over HTTP, then asks for
   * its health, and returns the two status codes (a training run for the class-data archive that
   * the {@code pcd} launcher keeps for {@code serve}; it is recorded like any call).
   */
  static List<Integer> overHttp(int port) throws IOException, InterruptedException {
    byte[] body;
    try (InputStream in = Warmup.class.getResourceAsStream(REQUEST)) {
      body = in.readAllBytes();
    }
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    int cds =
        client
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/cds-services/pcd-patient-view"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding())
            .statusCode();
    int health =
        client
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding())
            .statusCode();
    return List.of(cds, health);
  }

  private static void run(AssessmentService service, Cards cards) {
    try {
      call(service, cards);
    } catch (IOException | RuntimeException e) {
      Failures.LOG.log(
          System.Logger.Level.WARNING, "start-up warm-up call failed (serving goes on): " + e, e);
    }
  }
}
