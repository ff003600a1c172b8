package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /cds-services/{id}/feedback}: whether a clinician accepted or overrode a card (and
 * why). The audit store is the only place feedback is kept: a long-running server holds none of it.
 */
final class CdsFeedback {
  private final Function<Context, Optional<String>> caller;
  private final Optional<AuditLog> audit;
  private final Clock clock;

  /** {@code caller} authenticates the request (answering 401 itself when it is refused). */
  CdsFeedback(Function<Context, Optional<String>> caller, Optional<AuditLog> audit, Clock clock) {
    this.caller = caller;
    this.audit = audit;
    this.clock = clock;
  }

  void answer(Context ctx) {
    Optional<String> who = caller.apply(ctx);
    if (who.isEmpty()) {
      return;
    }
    String service = ctx.pathParam("id");
    if (!CdsHooks.SERVICES.containsKey(service)) {
      Problems.send(ctx, 404, "Not found", "No CDS service '" + service + "'");
      return;
    }
    JsonNode body;
    try {
      body = Problems.JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      Problems.send(ctx, 400, "Malformed request", "The body is not JSON");
      return;
    }
    if (body == null || !body.path("feedback").isArray()) {
      Problems.send(ctx, 400, "Malformed request", "feedback must be a list of {card, outcome}");
      return;
    }
    for (JsonNode f : body.get("feedback")) {
      String outcome = f.path("outcome").asText("");
      if (f.path("card").asText("").isEmpty()
          || !List.of("accepted", "overridden").contains(outcome)) {
        Problems.send(
            ctx,
            422,
            "Invalid feedback",
            "each feedback needs a card uuid and outcome accepted or overridden");
        return;
      }
    }
    audit.ifPresent(
        log ->
            body.get("feedback")
                .forEach(
                    f ->
                        log.feedback(
                            clock.instant(),
                            service,
                            f.path("card").asText(),
                            f.path("outcome").asText(),
                            f.path("overrideReason").toString(),
                            who.get())));
    ctx.contentType("application/json").result("{}");
  }
}
