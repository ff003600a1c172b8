package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.server.fixture.StartedServer;

/** Feedback goes to the audit store, and only there: a long-running server keeps none of it. */
class CdsFeedbackTest {
  /** Records a call through {@code service} that issued {@code cards}. */
  static String issued(AuditLog log, String service, String... cards) {
    String response =
        "{\"cards\": ["
            + String.join(", ", Arrays.stream(cards).map(c -> "{\"uuid\": \"" + c + "\"}").toList())
            + "]}";
    return log.record(
        java.time.Instant.parse("2026-11-01T10:00:00Z"),
        "iss sub",
        service,
        "{}",
        CdsCall.RECORDED_TYPE,
        java.util.Optional.of("2026-11-01"),
        "2026.11.1",
        "sha256:abc",
        response,
        java.util.Optional.of(response),
        java.util.Optional.empty());
  }

  @Test
  void feedback_isInTheAuditStore_andNoServerObjectCollectsIt(@TempDir Path dir) throws Exception {
    AuditLog log = AuditLog.embedded(dir);
    try (StartedServer server =
        StartedServer.builder()
            .audit(log)
            .clock(AuditReplayTest.LATE_EVENING_UTC_MINUS_5)
            .start()) {
      issued(log, "pcd-order-sign", "card-1");
      String body =
          "{\"feedback\": [{\"card\": \"card-1\", \"outcome\": \"accepted\"},"
              + " {\"card\": \"card-1\", \"outcome\": \"overridden\","
              + " \"overrideReason\": {\"reason\": {\"code\": \"other\"}}}]}";
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + "/cds-services/pcd-order-sign/feedback"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(log.feedbackFor("card-1")).containsExactly("accepted", "overridden");
      assertThat(log.allFeedback())
          .extracting(AuditFeedback.Recorded::outcome)
          .containsExactlyInAnyOrder("accepted", "overridden");
    } finally {
      log.close();
    }
    for (Class<?> c : List.of(CdsHooks.class, CdsFeedback.class)) {
      assertThat(
              Arrays.stream(c.getDeclaredFields())
                  .filter(f -> !Modifier.isStatic(f.getModifiers()))
                  .map(Field::getType))
          .as(c.getSimpleName() + " holds no collection that could grow with feedback")
          .noneMatch(t -> Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t));
    }
  }
}
