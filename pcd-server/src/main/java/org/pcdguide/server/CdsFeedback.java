package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
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
    Optional<JsonNode> read = JsonBodies.read(ctx);
    if (read.isEmpty()) {
      return;
    }
    JsonNode body = read.get();
    if (body == null || !body.path("feedback").isArray()) {
      Problems.send(ctx, 400, "Malformed request", "feedback must be a list of {card, outcome}");
      return;
    }
    List<AuditFeedback.Given> given = new ArrayList<>();
    int i = 0;
    for (JsonNode f : body.get("feedback")) {
      String card = f.path("card").asText("");
      String outcome = f.path("outcome").asText("");
      if (!AuditLimits.FHIR_ID.matcher(card).matches()
          || !List.of("accepted", "overridden").contains(outcome)) {
        Problems.send(
            ctx,
            422,
            "Invalid feedback",
            "feedback["
                + i
                + "]: each feedback needs a card uuid (a FHIR id: letters, digits, '-' and '.', 1"
                + " to 64 characters) and outcome accepted or overridden");
        return;
      }
      given.add(new AuditFeedback.Given(card, outcome, f.path("overrideReason").toString()));
      i++;
    }
    if (audit.isPresent() && !recorded(ctx, audit.get(), service, given, who.get())) {
      return;
    }
    ctx.contentType("application/json").result("{}");
  }

  /**
   * Records the request's feedback in one transaction; refuses it all (422, naming the cards) when
   * a card was never issued by this service, so that feedback on a card no clinician saw is never
   * kept.
   */
  private boolean recorded(
      Context ctx, AuditLog log, String service, List<AuditFeedback.Given> given, String who) {
    List<String> unissued =
        log.unissued(service, given.stream().map(AuditFeedback.Given::card).distinct().toList());
    if (!unissued.isEmpty()) {
      Problems.send(
          ctx,
          422,
          "Unknown card",
          "no call to "
              + service
              + " issued card(s) "
              + String.join(", ", unissued)
              + "; the feedback is not recorded");
      return false;
    }
    log.feedback(clock.instant(), service, given, who);
    return true;
  }
}
