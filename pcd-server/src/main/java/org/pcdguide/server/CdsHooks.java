package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.app.AsOf;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.knowledge.KnowledgePack;

/**
 * HL7 CDS Hooks 2.0 services: discovery, patient-view, order-select and order-sign, feedback, and
 * the cards' full-report links. The patient's data come from {@link Prefetch}; the assessment from
 * the {@link AssessmentService}, as of today by the server's clock.
 */
final class CdsHooks {
  static final Map<String, String> SERVICES =
      Map.of(
          "pcd-patient-view", "patient-view",
          "pcd-order-select", "order-select",
          "pcd-order-sign", "order-sign");
  static final Map<String, String> PREFETCH =
      Map.of(
          "patient", "Patient/{{context.patientId}}",
          "conditions", "Condition?patient={{context.patientId}}",
          "observations", "Observation?patient={{context.patientId}}",
          "medicationRequests", "MedicationRequest?patient={{context.patientId}}",
          "procedures", "Procedure?patient={{context.patientId}}");
  private final AssessmentService service;
  private final KnowledgePack pack;
  private final Clock clock;
  private final Cards cards;
  private final Prefetch prefetch;
  private final Optional<JwtAuthenticator> authenticator;
  private final Optional<AuditLog> audit;
  private final Optional<String> publicUrl;
  private final CdsFeedback feedback;
  private final ReportLinks reports;

  CdsHooks(AssessmentService service, PcdServer.Settings settings) {
    this.service = service;
    this.pack = service.pack();
    this.clock = settings.clock();
    this.cards = new Cards(pack);
    this.prefetch = new Prefetch(settings.fhirServers());
    this.authenticator = settings.authenticator();
    this.audit = settings.audit();
    this.publicUrl = settings.publicUrl();
    this.feedback = new CdsFeedback(this::caller, audit, clock);
    this.reports = new ReportLinks(service, audit, settings.reportTtl(), clock);
  }

  void routes(JavalinDefaultRoutingApi r) {
    r.get("/cds-services", CdsDiscovery::answer);
    r.post("/cds-services/{id}", this::service);
    r.post("/cds-services/{id}/feedback", feedback::answer);
    r.get("/api/reports", reports::answer);
  }

  /**
   * The base URL the EHR called: the configured public URL (behind a TLS-terminating proxy), else
   * the request's scheme and Host.
   */
  private String base(Context ctx) {
    return publicUrl.orElseGet(
        () ->
            ctx.scheme()
                + "://"
                + Optional.ofNullable(ctx.header("Host"))
                    .orElseGet(() -> ctx.req().getServerName() + ":" + ctx.req().getServerPort()));
  }

  /** The caller's JWT issuer and subject; empty (after answering 401) when it is refused. */
  private Optional<String> caller(Context ctx) {
    if (authenticator.isEmpty()) {
      return Optional.of("unauthenticated (development mode)");
    }
    String audience = base(ctx) + ctx.path();
    JwtAuthenticator.Result r =
        authenticator
            .get()
            .authenticate(Optional.ofNullable(ctx.header("Authorization")), audience);
    if (r.caller().isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer");
      Problems.send(ctx, 401, "Unauthorized", "The CDS client's JWT is refused: " + r.reason());
      return Optional.empty();
    }
    return Optional.of(r.caller().get().issuer() + " " + r.caller().get().subject());
  }

  private void service(Context ctx) {
    Optional<String> caller = caller(ctx);
    if (caller.isEmpty()) {
      return;
    }
    String id = ctx.pathParam("id");
    String hook = SERVICES.get(id);
    if (hook == null) {
      Problems.send(ctx, 404, "Not found", "No CDS service '" + id + "'; see /cds-services");
      return;
    }
    Optional<JsonNode> read = JsonBodies.read(ctx);
    if (read.isEmpty()) {
      return;
    }
    JsonNode request = read.get();
    byte[] body = ctx.bodyAsBytes(); // kept as received for the audit record (read once, cached)
    if (request == null || !request.isObject() || !hook.equals(request.path("hook").asText())) {
      Problems.send(ctx, 400, "Malformed request", "hook must be '" + hook + "' for service " + id);
      return;
    }
    String patientId = request.at("/context/patientId").asText("");
    if (patientId.isEmpty()) {
      Problems.send(ctx, 400, "Malformed request", "context.patientId is required");
      return;
    }
    Optional<String> badId = FhirIds.problem("context.patientId", patientId);
    if (badId.isPresent()) {
      Problems.send(ctx, 400, "Malformed request", badId.get());
      return;
    }
    List<JsonNode> resources = new ArrayList<>();
    Optional<String> fetchProblem = prefetch.collect(request, patientId, resources);
    if (fetchProblem.isPresent()) {
      Problems.send(ctx, 412, "Precondition failed", fetchProblem.get());
      return;
    }
    List<JsonNode> drafts = new ArrayList<>();
    request.at("/context/draftOrders/entry").forEach(e -> drafts.add(e.path("resource")));
    drafts.removeIf(r -> !r.isObject());
    Optional<String> badOrder = FhirIds.draftOrderProblem(drafts);
    if (badOrder.isPresent()) {
      Problems.send(ctx, 400, "Malformed request", badOrder.get());
      return;
    }
    String base = base(ctx);
    AsOf today = service.today();
    Instant at = clock.instant(); // the record's time, and the one its cards' uuids carry
    CdsCall call =
        new CdsCall(
            id,
            request.path("hookInstance").asText(""),
            base,
            today.date(),
            resources,
            drafts,
            Optional.of(at));
    // the full-report link names the recorded call by a random token; without an audit log there
    // is no record to name, and the cards carry no such link
    Optional<String> token = audit.map(log -> AuditLog.newReportToken());
    CardsResponse output;
    try {
      output =
          call.response(service, cards, token.map(t -> base + CdsCall.REPORT_LINK + t).orElse(""));
    } catch (CaseFormatException e) {
      Problems.send(
          ctx,
          422,
          "Invalid FHIR data",
          "The prefetch or draft orders cannot be read",
          e.problems());
      return;
    }
    // committed before the response is sent; the request kept as received (RecordedCall)
    if (audit.isPresent()) {
      RecordedCall.Stored stored = RecordedCall.of(call, body, request);
      ctx.header(
          "X-PCD-Audit-Id",
          audit
              .get()
              .recordCall(
                  call.issued().orElse(at), caller.get(), id, stored, today, pack, output, token));
    }
    ctx.contentType("application/json").result(output.json());
  }

  /** A prefetch value's resources (a Bundle's entries, or the resource itself). */
  static void add(JsonNode value, List<JsonNode> entries) {
    Prefetch.add(value, entries);
  }
}
