package org.pcdguide.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.pcdguide.app.AsOf;
import org.pcdguide.app.Assessed;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.app.OutputFormat;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.Terminology;

/**
 * Everything one CDS Hooks call's cards depend on: the service, hook instance, the server's base
 * URL, the date, the patient's resources (prefetched or fetched), the draft orders and the instant
 * it was answered (its cards' uuids carry it, {@link CardIds}; empty for a call recorded before
 * they did). It is what the audit log records, so that {@code pcd audit replay} re-runs the call
 * exactly.
 */
public record CdsCall(
    String service,
    String hookInstance,
    String base,
    LocalDate asOf,
    List<JsonNode> resources,
    List<JsonNode> draftOrders,
    Optional<Instant> issued) {
  public CdsCall {
    resources = List.copyOf(resources);
    draftOrders = List.copyOf(draftOrders);
    issued = issued.map(t -> Instant.ofEpochMilli(t.toEpochMilli()));
  }

  /** A call without its instant: its cards get name-based uuids, as before issue 16. */
  public CdsCall(
      String service,
      String hookInstance,
      String base,
      LocalDate asOf,
      List<JsonNode> resources,
      List<JsonNode> draftOrders) {
    this(service, hookInstance, base, asOf, resources, draftOrders, Optional.empty());
  }

  /** How this call's cards are named. */
  CardIds cardIds() {
    return new CardIds(hookInstance, issued);
  }

  /**
   * The media type of a recorded call in the audit log: this record as JSON, raw-deflated and
   * base64url-encoded (a quarter of the JSON's size). Calls recorded before report tokens used the
   * same form, which was also their cards' full-report link ({@code /#call=...}).
   */
  public static final String RECORDED_TYPE =
      "application/vnd.pcd.cds-call+json; encoding=deflate-base64url";

  /**
   * The cards response ({@code {"cards": [...]}}), each card linking to {@code report} (none when
   * it is empty); the case door may throw for bad data.
   */
  String cards(AssessmentService assessments, Cards cards, String report) {
    return response(assessments, cards, report).text();
  }

  /** {@link #cards} as sent: the JSON in UTF-8 and the uuids of its cards. */
  CardsResponse response(AssessmentService assessments, Cards cards, String report) {
    Assessment a = assessed(assessments, "prefetch").assessment();
    Map<String, String> orders = assessments.draftOrders("draftOrders", draftOrders);
    return CardsResponse.of(
        CdsHooks.SERVICES.get(service).equals("patient-view")
            ? cards.patientView(a, cardIds(), base, report)
            : cards.orders(a, orders, cardIds(), base, report));
  }

  /**
   * The call's full report (the JSON the clinician page renders), as of the call's date through the
   * door the cards came through.
   */
  String report(AssessmentService assessments) {
    return assessments.render(OutputFormat.JSON, assessed(assessments, "report"));
  }

  private Assessed assessed(AssessmentService assessments, String name) {
    List<JsonNode> all = new ArrayList<>(resources);
    all.addAll(draftOrders);
    return assessments.assess(name, all, AsOf.given(asOf));
  }

  /**
   * Replays a recorded call with today's pack: the response it gives now, its cards linking to the
   * same report as the recorded ones did (by token; a call recorded before report tokens carried
   * itself in the link).
   */
  public static String replay(
      KnowledgePack pack, Terminology terminology, String recorded, Optional<String> reportToken) {
    CdsCall call = recorded(recorded);
    String report =
        reportToken
            .map(t -> call.base() + REPORT_LINK + t)
            .orElse(
                recorded.startsWith("{") || recorded.startsWith(RecordedCall.PREFIX)
                    ? ""
                    : call.base() + "/#call=" + recorded);
    AsOf date = AsOf.given(call.asOf());
    return call.cards(
        new AssessmentService(pack, terminology, date.clock()), new Cards(pack), report);
  }

  /**
   * A call as the audit log recorded it: the request as received ({@link RecordedCall}), or, as
   * earlier versions recorded every call, this record deflated and encoded, or plain JSON.
   */
  static CdsCall recorded(String recorded) {
    if (recorded.startsWith(RecordedCall.PREFIX)) {
      return RecordedCall.read(recorded);
    }
    return parse(recorded.startsWith("{") ? recorded : decoded(recorded));
  }

  /** What a full-report link adds to the server's base URL, before the report token. */
  static final String REPORT_LINK = "/#report=";

  /** The resources and draft orders as one FHIR collection Bundle (what the web page reads). */
  ObjectNode bundle() {
    ObjectNode b = Problems.JSON.createObjectNode();
    b.put("resourceType", "Bundle").put("type", "collection");
    ArrayNode entry = b.putArray("entry");
    resources.forEach(r -> entry.addObject().set("resource", r));
    draftOrders.forEach(r -> entry.addObject().set("resource", r));
    return b;
  }

  /** Whether an audit record kind is a CDS Hooks service. */
  public static boolean isService(String kind) {
    return CdsHooks.SERVICES.containsKey(kind);
  }

  private ObjectNode node() {
    ObjectNode n = Problems.JSON.createObjectNode();
    n.put("service", service).put("hookInstance", hookInstance).put("base", base);
    n.put("asOf", asOf.toString());
    issued.ifPresent(t -> n.put("issued", t.toString()));
    resources.forEach(n.putArray("resources")::add);
    draftOrders.forEach(n.putArray("draftOrders")::add);
    return n;
  }

  static CdsCall parse(String json) {
    try {
      JsonNode n = Problems.JSON.readTree(json);
      List<JsonNode> resources = new ArrayList<>();
      n.path("resources").forEach(resources::add);
      List<JsonNode> drafts = new ArrayList<>();
      n.path("draftOrders").forEach(drafts::add);
      return new CdsCall(
          n.path("service").asText(),
          n.path("hookInstance").asText(),
          n.path("base").asText(),
          LocalDate.parse(n.path("asOf").asText()),
          resources,
          drafts,
          issued(n));
    } catch (JsonProcessingException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("not a recorded CDS Hooks call: " + e.getMessage(), e);
    }
  }

  /** The instant a recorded call names ({@code issued}), if it names one. */
  static Optional<Instant> issued(JsonNode recorded) {
    JsonNode t = recorded.path("issued");
    return t.isTextual() ? Optional.of(Instant.parse(t.asText())) : Optional.empty();
  }

  /** This call as the audit log records it ({@link #RECORDED_TYPE}). */
  String encoded() {
    Deflater d = DEFLATERS.poll();
    if (d == null) {
      d = new Deflater(Deflater.BEST_SPEED, true);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
      try (DeflaterOutputStream z = new DeflaterOutputStream(out, d, 8192)) {
        Problems.JSON.writeValue(z, node());
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      d.reset();
      DEFLATERS.offer(d);
    }
  }

  /**
   * Deflaters for {@link #encoded()}, reused: creating one allocates and clears zlib's window and
   * hash tables, which costs more than compressing a call. At most one per concurrent request.
   */
  private static final java.util.Queue<Deflater> DEFLATERS =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  static String decoded(String encoded) {
    java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
    try {
      inflater.setInput(Base64.getUrlDecoder().decode(encoded));
      ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length() * 4);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("not a recorded CDS Hooks call: truncated");
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalArgumentException("not a recorded CDS Hooks call: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
