package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.JsonResourceCaseSource;
import org.pcdguide.fhir.Terminology;

/**
 * HL7 CDS Hooks 2.0 services: discovery, patient-view, order-select and order-sign, and feedback.
 * The patient's data come from prefetch, else from the EHR's FHIR server with the access token it
 * sent, else the answer is 412 as the specification says.
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
  private final KnowledgePack pack;
  private final JsonResourceCaseSource door;
  private final java.time.Clock clock;
  private final Cards cards;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final List<JsonNode> feedback = new CopyOnWriteArrayList<>();

  private final List<String> fhirServers;

  private final Optional<JwtAuthenticator> authenticator;
  private final Optional<AuditLog> audit;
  private final Duration reportTtl;
  private final Optional<String> publicUrl;

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

  CdsHooks(
      KnowledgePack pack,
      Terminology terminology,
      List<String> fhirServers,
      Optional<JwtAuthenticator> authenticator,
      Optional<AuditLog> audit,
      Duration reportTtl,
      Optional<String> publicUrl) {
    this.publicUrl = publicUrl;
    this.reportTtl = reportTtl;
    this.authenticator = authenticator;
    this.audit = audit;
    this.pack = pack;
    this.fhirServers = List.copyOf(fhirServers);
    this.door = new JsonResourceCaseSource(pack.vocabulary(), terminology);
    this.clock = java.time.Clock.systemUTC();
    this.cards = new Cards(pack);
  }

  void routes(JavalinDefaultRoutingApi r) {
    r.get("/cds-services", this::discovery);
    r.post("/cds-services/{id}", this::service);
    r.post("/cds-services/{id}/feedback", this::feedback);
    r.get("/api/reports/{token}", this::report);
  }

  /**
   * What a card's full-report link shows: the recorded call's resources and draft orders as a
   * Bundle, with the date it was assessed as of, for a token no older than the configured time. The
   * token is the only credential, like the link itself; answers are never cached.
   */
  private void report(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    Optional<AuditLog.Record> r =
        audit.flatMap(
            log -> log.report(ctx.pathParam("token"), reportTtl, java.time.Instant.now(clock)));
    if (r.isEmpty() || !CdsCall.isService(r.get().kind())) {
      Problems.send(
          ctx,
          404,
          "Not found",
          "No report for this link: it is unknown, or older than "
              + reportTtl.toHours()
              + " hours (reports are kept for that long after the call)");
      return;
    }
    CdsCall call = CdsCall.recorded(r.get().input());
    ObjectNode body = Problems.JSON.createObjectNode();
    body.put("service", call.service());
    body.put("recordedAt", r.get().recordedAt().toString());
    body.put("asOf", call.asOf().toString());
    body.set("bundle", call.bundle());
    ctx.contentType("application/json").result(body.toString());
  }

  private void discovery(Context ctx) {
    ObjectNode body = Problems.JSON.createObjectNode();
    ArrayNode services = body.putArray("services");
    for (String id : List.of("pcd-patient-view", "pcd-order-select", "pcd-order-sign")) {
      ObjectNode s = services.addObject();
      s.put("hook", SERVICES.get(id));
      s.put("id", id);
      s.put("title", "PCD Guide " + SERVICES.get(id));
      s.put(
          "description",
          id.equals("pcd-patient-view")
              ? "Plasma cell disorders: headline recommendation, adverse factors and the missing data that would change the plan"
              : "Plasma cell disorders: flags draft orders that are agents to avoid for this patient");
      ObjectNode prefetch = s.putObject("prefetch");
      PREFETCH.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> prefetch.put(e.getKey(), e.getValue()));
    }
    ctx.contentType("application/json").result(body.toString());
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
    JsonNode request;
    try {
      request = Problems.JSON.readTree(ctx.bodyAsBytes());
    } catch (IOException e) {
      Problems.send(ctx, 400, "Malformed request", "The body is not JSON");
      return;
    }
    if (request == null || !request.isObject() || !hook.equals(request.path("hook").asText())) {
      Problems.send(ctx, 400, "Malformed request", "hook must be '" + hook + "' for service " + id);
      return;
    }
    String patientId = request.at("/context/patientId").asText("");
    if (patientId.isEmpty()) {
      Problems.send(ctx, 400, "Malformed request", "context.patientId is required");
      return;
    }
    List<JsonNode> resources = new ArrayList<>();
    Optional<String> fetchProblem = data(request, patientId, resources);
    if (fetchProblem.isPresent()) {
      Problems.send(ctx, 412, "Precondition failed", fetchProblem.get());
      return;
    }
    List<JsonNode> drafts = new ArrayList<>();
    request.at("/context/draftOrders/entry").forEach(e -> drafts.add(e.path("resource")));
    drafts.removeIf(r -> !r.isObject());
    String base = base(ctx);
    CdsCall call =
        new CdsCall(
            id,
            request.path("hookInstance").asText(""),
            base,
            LocalDate.now(clock),
            resources,
            drafts);
    // the full-report link names the recorded call by a random token; without an audit log there
    // is no record to name, and the cards carry no such link
    Optional<String> token = audit.map(log -> AuditLog.newReportToken());
    String output;
    try {
      output =
          call.cards(pack, door, cards, token.map(t -> base + CdsCall.REPORT_LINK + t).orElse(""));
    } catch (CaseFormatException e) {
      Problems.send(
          ctx,
          422,
          "Invalid FHIR data",
          "The prefetch or draft orders cannot be read",
          e.problems());
      return;
    }
    // committed before the response is sent
    audit.ifPresent(
        log ->
            ctx.header(
                "X-PCD-Audit-Id",
                log.record(
                    clock.instant(),
                    caller.get(),
                    id,
                    call.encoded(),
                    CdsCall.RECORDED_TYPE,
                    Optional.of(call.asOf().toString()),
                    pack.version(),
                    pack.hash(),
                    output,
                    Optional.of(output),
                    token)));
    ctx.contentType("application/json").result(output);
  }

  /**
   * Collects the prefetch resources (whatever the EHR named its keys); without a prefetched
   * Patient, fetches the templates from the EHR's FHIR server with its access token; returns why
   * when neither is possible (the caller answers 412).
   */
  private Optional<String> data(JsonNode request, String patientId, List<JsonNode> entries) {
    JsonNode prefetch = request.path("prefetch");
    List<String> missing = new ArrayList<>(PREFETCH.keySet().stream().sorted().toList());
    if (prefetch.isObject()) {
      prefetch
          .fields()
          .forEachRemaining(
              f -> {
                add(f.getValue(), entries);
                missing.remove(f.getKey());
              });
    }
    boolean patient = false;
    for (JsonNode e : entries) {
      patient |= "Patient".equals(e.path("resourceType").asText());
    }
    if (patient) {
      // the EHR prefetched the patient: assess with what it sent (what it left out stays unknown)
      return Optional.empty();
    }
    String server = request.path("fhirServer").asText("");
    String token = request.at("/fhirAuthorization/access_token").asText("");
    if (server.isEmpty() || token.isEmpty()) {
      return Optional.of(
          "prefetch " + missing + " is missing and no fhirServer with fhirAuthorization was given");
    }
    if (!fhirServers.contains(server.replaceAll("/+$", ""))) {
      return Optional.of(
          "prefetch "
              + missing
              + " is missing and fhirServer "
              + server
              + " is not on this server's list of FHIR servers it may fetch from");
    }
    for (String key : missing) {
      String url =
          server.replaceAll("/+$", "")
              + "/"
              + PREFETCH.get(key).replace("{{context.patientId}}", patientId);
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/fhir+json")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          return Optional.of(
              "fetching " + key + " from the FHIR server answered " + r.statusCode());
        }
        add(Problems.JSON.readTree(r.body()), entries);
      } catch (IOException | IllegalArgumentException e) {
        return Optional.of(
            "fetching " + key + " from the FHIR server failed: " + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while fetching " + key);
      }
    }
    return Optional.empty();
  }

  static void add(JsonNode value, List<JsonNode> entries) {
    if (value == null || !value.isObject()) {
      return;
    }
    if ("Bundle".equals(value.path("resourceType").asText())) {
      value
          .path("entry")
          .forEach(
              e -> {
                if (e.path("resource").isObject()) {
                  entries.add(e.get("resource"));
                }
              });
    } else if (value.has("resourceType")) {
      entries.add(value);
    }
  }

  private void feedback(Context ctx) {
    Optional<String> caller = caller(ctx);
    if (caller.isEmpty()) {
      return;
    }
    if (!SERVICES.containsKey(ctx.pathParam("id"))) {
      Problems.send(ctx, 404, "Not found", "No CDS service '" + ctx.pathParam("id") + "'");
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
    body.get("feedback").forEach(feedback::add);
    audit.ifPresent(
        log ->
            body.get("feedback")
                .forEach(
                    f ->
                        log.feedback(
                            java.time.Instant.now(),
                            ctx.pathParam("id"),
                            f.path("card").asText(),
                            f.path("outcome").asText(),
                            f.path("overrideReason").toString(),
                            caller.get())));
    ctx.contentType("application/json").result("{}");
  }
}
