package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pcdguide.app.AsOf;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.app.InputFormat;
import org.pcdguide.app.OutputFormat;
import org.pcdguide.app.Report;
import org.pcdguide.app.RequestException;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Vocabulary;
import org.pcdguide.core.render.ReportView;
import org.pcdguide.core.render.RuleDocs;

/** The REST API: assess, knowledge, vocabulary, health and the OpenAPI document. */
final class Api {
  static final List<String> ROUTES =
      List.of(
          "GET /",
          "GET /page.js",
          "GET /health",
          "GET /openapi.json",
          "POST /api/assess",
          "GET /api/knowledge",
          "GET /api/knowledge/{id}",
          "GET /api/vocabulary",
          "GET /cds-services",
          "POST /cds-services/{id}",
          "POST /cds-services/{id}/feedback",
          "GET /api/reports");
  private static final List<String> YAML =
      List.of("application/yaml", "application/x-yaml", "text/yaml");
  private static final List<String> JSON = List.of("application/json", "application/fhir+json");
  private final AssessmentService service;
  private final KnowledgePack pack;
  private final long maxBytes;
  private final byte[] openApi;
  private final Optional<AuditLog> audit;
  private final Clock clock;

  Api(AssessmentService service, long maxBytes, Optional<AuditLog> audit, Clock clock) {
    this.service = service;
    this.pack = service.pack();
    this.audit = audit;
    this.clock = clock;
    this.maxBytes = maxBytes;
    try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
      this.openApi = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("openapi.json is missing from the server jar", e);
    }
  }

  void routes(JavalinDefaultRoutingApi r) {
    r.get("/health", this::health);
    r.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    r.post("/api/assess", this::assess);
    r.get("/api/knowledge", this::knowledge);
    r.get("/api/knowledge/{id}", this::entry);
    r.get("/api/vocabulary", this::vocabulary);
  }

  private void health(Context ctx) {
    ObjectNode body = Problems.JSON.createObjectNode();
    body.put("status", "up");
    body.putObject("knowledge").put("version", pack.version()).put("hash", pack.hash());
    ctx.contentType("application/json").result(body.toString());
  }

  private void assess(Context ctx) {
    String type =
        Optional.ofNullable(ctx.contentType())
            .orElse("")
            .split(";")[0]
            .trim()
            .toLowerCase(Locale.ROOT);
    if (!YAML.contains(type) && !JSON.contains(type)) {
      Problems.send(
          ctx,
          415,
          "Unsupported media type",
          "Content-Type '"
              + type
              + "' is not accepted; send application/json, application/fhir+json or application/yaml");
      return;
    }
    if (ctx.contentLength() > maxBytes) {
      drain(ctx);
      Problems.send(
          ctx,
          413,
          "Request too large",
          "The body is " + ctx.contentLength() + " bytes; the limit is " + maxBytes);
      return;
    }
    Optional<String> badDate =
        Optional.ofNullable(ctx.queryParam("as-of")).flatMap(AuditLimits::asOfProblem);
    if (badDate.isPresent()) {
      Problems.send(ctx, 400, "Malformed request", badDate.get());
      return;
    }
    OutputFormat format;
    Optional<LocalDate> asOf;
    try {
      format = OutputFormat.parse(Optional.ofNullable(ctx.queryParam("format")).orElse("json"));
      asOf = Optional.ofNullable(ctx.queryParam("as-of")).map(AsOf::parse);
    } catch (RequestException e) {
      Problems.send(ctx, 400, "Malformed request", e.getMessage());
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      Problems.send(
          ctx, 400, "Malformed request", "The body is empty; send a case file or a FHIR Bundle");
      return;
    }
    Report report;
    try {
      InputFormat input =
          type.equals("application/fhir+json") ? InputFormat.FHIR_BUNDLE : InputFormat.DETECTED;
      report = service.report("body", body, input, asOf, format);
    } catch (CaseFormatException e) {
      if (e.malformed()) {
        Problems.send(ctx, 400, "Malformed request", "The body is not well-formed", e.problems());
      } else {
        Problems.send(
            ctx,
            422,
            "Invalid case",
            e.problems().size() + " invalid field(s); every one is listed",
            e.problems());
      }
      return;
    }
    if (!AuditLimits.storable(report.asOf().date())) {
      Problems.send(
          ctx,
          422,
          "Invalid case",
          "the case's date " + report.asOf().date() + " has no 4-digit year");
      return;
    }
    // committed before the response is sent, with the date actually used (and, when it was
    // today, the zone that made it so)
    audit.ifPresent(
        log ->
            ctx.header(
                "X-PCD-Audit-Id",
                log.record(
                    clock.instant(),
                    "anonymous (REST)",
                    Report.kind(format),
                    new String(body, StandardCharsets.UTF_8),
                    type,
                    report.asOf(),
                    pack.version(),
                    pack.hash(),
                    report.text(),
                    Optional.empty(),
                    Optional.empty())));
    ctx.contentType(format.mediaType()).result(report.text());
  }

  /**
   * Reads and discards an oversized body (up to 16 times the limit) so that the client, still
   * sending, receives the 413 instead of a reset connection; beyond that the connection just ends.
   */
  private void drain(Context ctx) {
    long left = Math.min(ctx.contentLength(), 16 * maxBytes);
    byte[] buffer = new byte[8192];
    try {
      InputStream in = ctx.req().getInputStream();
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client gave up; the 413 below is still the answer
    }
  }

  private void knowledge(Context ctx) {
    ObjectNode body = Problems.JSON.createObjectNode();
    body.put("version", pack.version());
    body.put("hash", pack.hash());
    ArrayNode entries = body.putArray("entries");
    for (DisorderModule m : pack.modules()) {
      for (Entry e : m.entries()) {
        entries
            .addObject()
            .put("id", e.id())
            .put("kind", e.kind().word())
            .put("title", e.title())
            .put("module", m.file());
      }
    }
    ctx.contentType("application/json").result(body.toString());
  }

  private void entry(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Entry> found = pack.entry(id);
    if (found.isEmpty()) {
      Problems.send(ctx, 404, "Not found", "No knowledge entry '" + id + "'");
      return;
    }
    Entry e = found.get();
    ObjectNode body = Problems.JSON.createObjectNode();
    body.put("id", e.id());
    body.put("kind", e.kind().word());
    body.put("title", e.title());
    body.put("statement", e.statement());
    body.put("strength", e.strength().word());
    ArrayNode evidence = body.putArray("evidence");
    for (ReportView.Evidence ev : ReportView.evidence(e, pack)) {
      ObjectNode n =
          evidence
              .addObject()
              .put("source", ev.source().id())
              .put("kind", ev.source().kind().word())
              .put("grade", ev.source().grade().word())
              .put("locator", ev.locator());
      ev.quote().ifPresent(q -> n.put("quote", q));
      // veterinary, different-entity, proposal-only and unsupported evidence is never unlabelled
      ev.labels().forEach(n.putArray("labels")::add);
    }
    body.put("doc", RuleDocs.page(pack, e.id()).orElse(""));
    ctx.contentType("application/json").result(body.toString());
  }

  private void vocabulary(Context ctx) {
    Vocabulary v = pack.vocabulary();
    ObjectNode body = Problems.JSON.createObjectNode();
    v.diagnoses().values().forEach(d -> body.with("diagnoses").put(d.id(), d.label()));
    v.findings()
        .values()
        .forEach(
            f -> {
              ObjectNode n = body.with("findings").putObject(f.id());
              n.put("label", f.label());
              f.details()
                  .values()
                  .forEach(
                      d ->
                          n.with("details")
                              .put(
                                  d.name(),
                                  d.type().word()
                                      + (d.values().isEmpty() ? "" : " " + d.values())));
            });
    v.labs()
        .values()
        .forEach(
            l -> body.with("labs").putObject(l.id()).put("label", l.label()).put("unit", l.unit()));
    v.agents()
        .values()
        .forEach(
            a ->
                body.with("agents")
                    .putObject(a.id())
                    .put("label", a.label())
                    .put("class", a.agentClass()));
    v.regimens()
        .values()
        .forEach(
            r -> {
              ArrayNode agents =
                  body.with("regimens")
                      .putObject(r.id())
                      .put("label", r.label())
                      .putArray("agents");
              r.agents().forEach(agents::add);
            });
    ctx.contentType("application/json").result(body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
