package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.cases.Therapy;

/**
 * Orders and therapy history. Proposed orders are MedicationRequests and ServiceRequests with
 * status draft or active and intent proposal, plan, order or option; history comes from
 * MedicationStatements and completed Procedures (radiotherapy, transplant, plasmapheresis).
 */
record TherapyMapping(BundleMapping m) {
  static final String RESPONSE = BundleMapping.EXT + "therapy-response";
  private static final List<String> PROPOSED_STATUS = List.of("draft", "active");
  // "option": an order that is one option of a RequestGroup (a multi-item prescription, as the HL7
  // Europe medication prescription IG sends a thalidomide-melphalan-prednisone order set)
  private static final List<String> PROPOSED_INTENT =
      List.of("proposal", "plan", "order", "option");
  private static final List<String> GIVEN_STATUS =
      List.of("completed", "active", "stopped", "on-hold");

  void request(FhirResource r) {
    String path = r.path();
    if (!proposed(
        r.json(), FhirR4.MEDICATION_REQUEST_STATUS, FhirR4.MEDICATION_REQUEST_INTENT, path)) {
      return; // a past or cancelled prescription is not a proposed order
    }
    for (String id : therapies(m.drugs.of(r.json(), m::resolve), path + ".medication")) {
      if (!m.proposed.contains(id)) {
        m.proposed.add(id);
      }
    }
  }

  void serviceRequest(FhirResource r) {
    String path = r.path();
    if (!proposed(r.json(), FhirR4.SERVICE_REQUEST_STATUS, FhirR4.SERVICE_REQUEST_INTENT, path)) {
      return;
    }
    JsonNode code = FhirJson.one(r.json(), "code");
    if (m.codes.concept(code, "agent", "regimen").isEmpty()) {
      return; // imaging, labs and other services are not therapies
    }
    therapy(code, path + ".code").ifPresent(m.proposed::add);
  }

  /** Status draft or active and intent proposal, plan or order (intent read only then). */
  private boolean proposed(
      JsonNode request, List<String> statuses, List<String> intents, String path) {
    return FhirPrimitives.code(
                FhirJson.one(request, "status"), statuses, path, ".status", m.problems)
            .filter(PROPOSED_STATUS::contains)
            .isPresent()
        && FhirPrimitives.code(
                FhirJson.one(request, "intent"), intents, path, ".intent", m.problems)
            .filter(PROPOSED_INTENT::contains)
            .isPresent();
  }

  void statement(FhirResource r) {
    JsonNode s = r.json();
    String path = r.path();
    Drugs.Drug drug = m.drugs.of(s, m::resolve);
    String status =
        FhirPrimitives.code(
                FhirJson.one(s, "status"),
                FhirR4.MEDICATION_STATEMENT_STATUS,
                path,
                ".status",
                m.problems)
            .orElse("");
    if (!GIVEN_STATUS.contains(status)) {
      if (drug.read()) {
        m.notes.add(new Problem(path, "status " + status + ": not counted as therapy given"));
      }
      return;
    }
    List<String> agents = therapies(drug, path + ".medication");
    if (agents.isEmpty()) {
      return;
    }
    Optional<LocalDate> start;
    Optional<LocalDate> end = Optional.empty();
    if (FhirJson.has(s, "effectivePeriod")) {
      JsonNode period = FhirJson.one(s, "effectivePeriod");
      start = date(period, "start", path + ".effectivePeriod");
      end = date(period, "end", path + ".effectivePeriod");
    } else {
      start = date(s, "effectiveDateTime", path);
    }
    Optional<String> response = extensionResponse(s, path);
    for (String agent : agents) {
      add(agent, start, end, response, path);
    }
  }

  void procedure(FhirResource r) {
    JsonNode p = r.json();
    String path = r.path();
    JsonNode code = FhirJson.one(p, "code");
    if (m.codes.concept(code, "agent", "regimen").isEmpty()) {
      return; // unrelated procedures (an appendectomy) carry nothing the pack uses
    }
    String status =
        FhirPrimitives.code(
                FhirJson.one(p, "status"), FhirR4.PROCEDURE_STATUS, path, ".status", m.problems)
            .orElse("");
    if (!List.of("completed", "in-progress").contains(status)) {
      m.notes.add(new Problem(path, "status " + status + ": not counted as therapy given"));
      return;
    }
    Optional<String> agent = therapy(code, path + ".code");
    if (agent.isEmpty()) {
      return;
    }
    Optional<LocalDate> start = Optional.empty();
    Optional<LocalDate> end = Optional.empty();
    if (FhirJson.has(p, "performedPeriod")) {
      JsonNode period = FhirJson.one(p, "performedPeriod");
      start = date(period, "start", path + ".performedPeriod");
      end = date(period, "end", path + ".performedPeriod");
    } else if (FhirJson.has(p, "performedDateTime")) {
      start = date(p, "performedDateTime", path);
      end = start;
    }
    add(agent.get(), start, end, outcomeResponse(p, path), path);
  }

  private Optional<LocalDate> date(JsonNode node, String field, String path) {
    return FhirPrimitives.date(FhirJson.one(node, field), path, "." + field, m.problems);
  }

  private void add(
      String therapy,
      Optional<LocalDate> start,
      Optional<LocalDate> end,
      Optional<String> response,
      String path) {
    if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
      m.problems.add(
          new Problem(path, "ends (" + end.get() + ") before it starts (" + start.get() + ")"));
      return;
    }
    m.therapies.add(new Therapy(therapy, start, end, response));
  }

  /** A MedicationStatement's response, from the therapy-response extension (valueCode). */
  private Optional<String> extensionResponse(JsonNode s, String path) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode e : FhirJson.list(s, "extension")) {
      if (FhirJson.url(e).filter(RESPONSE::equals).isPresent()) {
        found.add(e);
      }
    }
    if (found.size() > 1) {
      m.problems.add(
          new Problem(path + ".extension", "more than one " + RESPONSE + " extension; send one"));
      return Optional.empty();
    }
    return found.isEmpty()
        ? Optional.empty()
        : response(FhirJson.code(found.get(0), "valueCode"), path);
  }

  /** A Procedure's response, from its outcome coded as a response concept. */
  private Optional<String> outcomeResponse(JsonNode p, String path) {
    return response(
        m.codes.concept(FhirJson.one(p, "outcome"), "response").map(FhirCodes::id), path);
  }

  private Optional<String> response(Optional<String> code, String path) {
    if (code.isPresent() && !Therapy.RESPONSES.contains(code.get())) {
      m.notes.add(
          new Problem(
              path + ".response",
              "'" + code.get() + "' is not a response of " + Therapy.RESPONSES + "; not used"));
      return Optional.empty();
    }
    return code;
  }

  /**
   * The vocabulary agent or regimen a code stands for; an unmapped drug is a note, never dropped
   * silently.
   */
  private Optional<String> therapy(JsonNode cc, String path) {
    Optional<Terminology.Code> concept = m.codes.concept(cc, "agent", "regimen");
    if (concept.isEmpty()) {
      m.notes.add(DoorNotes.unreadDrug(path, FhirCodes.show(cc)));
      return Optional.empty();
    }
    return therapy(concept.get(), path);
  }

  private Optional<String> therapy(Terminology.Code concept, String path) {
    if (!concept.verified()) {
      m.notes.add(FhirCodes.unverified(path, concept));
    }
    String id = FhirCodes.id(concept);
    if (!m.vocabulary.isTherapy(id)) {
      m.notes.add(
          new Problem(
              path,
              "'" + id + "' is not an agent or regimen of the vocabulary; not used",
              Problem.Kind.NOT_CHECKED));
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /**
   * The vocabulary agents or regimen a drug was read as: by code (an unverified code is a note), or
   * by name ("matched by name", a note); a drug read as nothing is a note, never dropped silently.
   */
  private List<String> therapies(Drugs.Drug drug, String path) {
    if (!drug.read()) {
      m.notes.add(DoorNotes.unreadDrug(path, drug.shown()));
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (Terminology.Code c : drug.coded()) {
      therapy(c, path).filter(id -> !ids.contains(id)).ifPresent(ids::add);
    }
    for (AgentNames.Match n : drug.named()) {
      m.notes.add(DoorNotes.byName(path, drug.shown(), n, m.vocabulary));
      ids.add(n.agent());
    }
    return ids;
  }
}
