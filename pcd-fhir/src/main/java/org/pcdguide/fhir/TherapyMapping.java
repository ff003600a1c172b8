package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.cases.Therapy;

/**
 * Orders and therapy history. Proposed orders are MedicationRequests and ServiceRequests with
 * status draft or active and intent proposal, plan or order; history comes from
 * MedicationStatements and completed Procedures (radiotherapy, transplant, plasmapheresis).
 */
record TherapyMapping(BundleMapping m) {
  static final String RESPONSE = BundleMapping.EXT + "therapy-response";
  private static final List<String> PROPOSED_STATUS = List.of("draft", "active");
  private static final List<String> PROPOSED_INTENT = List.of("proposal", "plan", "order");
  private static final List<String> GIVEN_STATUS =
      List.of("completed", "active", "stopped", "on-hold");

  void request(FhirResource r) {
    String path = r.path();
    if (!proposed(
        r.json(), FhirR4.MEDICATION_REQUEST_STATUS, FhirR4.MEDICATION_REQUEST_INTENT, path)) {
      return; // a past or cancelled prescription is not a proposed order
    }
    therapy(medication(r.json()), path + ".medication").ifPresent(m.proposed::add);
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
                FhirJson.one(request, "status"), statuses, path + ".status", m.problems)
            .filter(PROPOSED_STATUS::contains)
            .isPresent()
        && FhirPrimitives.code(
                FhirJson.one(request, "intent"), intents, path + ".intent", m.problems)
            .filter(PROPOSED_INTENT::contains)
            .isPresent();
  }

  void statement(FhirResource r) {
    JsonNode s = r.json();
    String path = r.path();
    JsonNode medication = medication(s);
    String status =
        FhirPrimitives.code(
                FhirJson.one(s, "status"),
                FhirR4.MEDICATION_STATEMENT_STATUS,
                path + ".status",
                m.problems)
            .orElse("");
    if (!GIVEN_STATUS.contains(status)) {
      if (m.codes.concept(medication, "agent", "regimen").isPresent()) {
        m.notes.add(new Problem(path, "status " + status + ": not counted as therapy given"));
      }
      return;
    }
    Optional<String> agent = therapy(medication, path + ".medication");
    if (agent.isEmpty()) {
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
    add(agent.get(), start, end, extensionResponse(s, path), path);
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
                FhirJson.one(p, "status"), FhirR4.PROCEDURE_STATUS, path + ".status", m.problems)
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
    return FhirPrimitives.date(FhirJson.one(node, field), path + "." + field, m.problems);
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
      m.notes.add(
          new Problem(
              path,
              "therapy "
                  + FhirCodes.show(cc)
                  + " is not in the terminology map; it was not checked against the agents to avoid"));
      return Optional.empty();
    }
    if (!concept.get().verified()) {
      m.notes.add(FhirCodes.unverified(path, concept.get()));
    }
    String id = FhirCodes.id(concept.get());
    if (!m.vocabulary.isTherapy(id)) {
      m.notes.add(
          new Problem(path, "'" + id + "' is not an agent or regimen of the vocabulary; not used"));
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /** medicationCodeableConcept, or the code of the Medication that medicationReference names. */
  private JsonNode medication(JsonNode request) {
    if (FhirJson.has(request, "medicationCodeableConcept")) {
      return FhirJson.one(request, "medicationCodeableConcept");
    }
    return FhirJson.text(FhirJson.one(request, "medicationReference"), "reference")
        .flatMap(reference -> m.resolve(reference, "Medication"))
        .map(med -> FhirJson.one(med.json(), "code"))
        .orElse(MissingNode.getInstance());
  }
}
