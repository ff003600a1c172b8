package org.pcdguide.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.core.cases.CaseFormatException;

/**
 * {@code GET /api/reports} with the token in {@code X-PCD-Report-Token}: what a card's full-report
 * link shows. The token travels in a header, never in the request path, so that access logs (of
 * this server or of a proxy in front of it) never hold it; a header of its own, so that a proxy
 * authenticating clinicians with {@code Authorization} does not collide with it. The report is the
 * recorded call's assessment, made again by the assessment service from the recorded resources and
 * the recorded as-of date through the door the call went through; opening a link assesses nothing
 * new and writes nothing to the audit log. The token is the only credential, like the link itself;
 * it works for the configured time after the call, and answers are never cached.
 */
final class ReportLinks {
  static final String HEADER = "X-PCD-Report-Token";
  private final AssessmentService service;
  private final Optional<AuditLog> audit;
  private final Duration ttl;
  private final Clock clock;

  ReportLinks(AssessmentService service, Optional<AuditLog> audit, Duration ttl, Clock clock) {
    this.service = service;
    this.audit = audit;
    this.ttl = ttl;
    this.clock = clock;
  }

  void answer(Context ctx) throws JsonProcessingException {
    ctx.header("Cache-Control", "no-store");
    String token = ctx.header(HEADER);
    if (token == null) {
      Problems.send(
          ctx,
          400,
          "Malformed request",
          "Send the report link's token in the " + HEADER + " header (the page does)");
      return;
    }
    Optional<AuditLog.Record> r = audit.flatMap(log -> log.report(token, ttl, clock.instant()));
    if (r.isEmpty() || !CdsCall.isService(r.get().kind())) {
      Problems.send(
          ctx,
          404,
          "Not found",
          "No report for this link: it is unknown, or older than "
              + ttl.toHours()
              + " hours (reports are kept for that long after the call)");
      return;
    }
    CdsCall call = CdsCall.recorded(r.get().input());
    String report;
    try {
      report = call.report(service);
    } catch (CaseFormatException e) {
      // the call was read when it was made; only a changed vocabulary can refuse it now
      Problems.send(
          ctx, 422, "Invalid FHIR data", "The recorded call cannot be read now", e.problems());
      return;
    }
    ObjectNode body = Problems.JSON.createObjectNode();
    body.put("service", call.service());
    body.put("recordedAt", r.get().recordedAt().toString());
    body.put("asOf", call.asOf().toString());
    body.set("bundle", call.bundle());
    body.set("assessment", Problems.JSON.readTree(report));
    ctx.contentType("application/json").result(body.toString());
  }
}
