package org.pcdguide.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
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

  void request(MedicationRequest r) {
    String path = BundleMapping.path(r);
    if (!r.hasStatus()
        || !PROPOSED_STATUS.contains(r.getStatus().toCode())
        || !r.hasIntent()
        || !PROPOSED_INTENT.contains(r.getIntent().toCode())) {
      return; // a past or cancelled prescription is not a proposed order
    }
    Optional<String> agent = therapy(medication(r.getMedication()), path + ".medication");
    agent.ifPresent(m.proposed::add);
  }

  void serviceRequest(ServiceRequest r) {
    String path = BundleMapping.path(r);
    if (!r.hasStatus()
        || !PROPOSED_STATUS.contains(r.getStatus().toCode())
        || !r.hasIntent()
        || !PROPOSED_INTENT.contains(r.getIntent().toCode())) {
      return;
    }
    if (m.codes.concept(r.getCode(), "agent", "regimen").isEmpty()) {
      return; // imaging, labs and other services are not therapies
    }
    therapy(r.getCode(), path + ".code").ifPresent(m.proposed::add);
  }

  void statement(MedicationStatement s) {
    String path = BundleMapping.path(s);
    String status = s.hasStatus() ? s.getStatus().toCode() : "";
    if (!List.of("completed", "active", "stopped", "on-hold").contains(status)) {
      if (m.codes.concept(medication(s.getMedication()), "agent", "regimen").isPresent()) {
        m.notes.add(new Problem(path, "status " + status + ": not counted as therapy given"));
      }
      return;
    }
    Optional<String> agent = therapy(medication(s.getMedication()), path + ".medication");
    if (agent.isEmpty()) {
      return;
    }
    Optional<Period> period =
        s.hasEffectivePeriod() ? Optional.of(s.getEffectivePeriod()) : Optional.empty();
    Optional<LocalDate> start =
        period
            .flatMap(p -> BundleMapping.date(p.getStart()))
            .or(
                () ->
                    s.hasEffectiveDateTimeType()
                        ? BundleMapping.date(s.getEffectiveDateTimeType().getValue())
                        : Optional.empty());
    Optional<LocalDate> end = period.flatMap(p -> BundleMapping.date(p.getEnd()));
    add(agent.get(), start, end, response(s.getExtensionByUrl(RESPONSE), null, path), path);
  }

  void procedure(Procedure p) {
    String path = BundleMapping.path(p);
    if (m.codes.concept(p.getCode(), "agent", "regimen").isEmpty()) {
      return; // unrelated procedures (an appendectomy) carry nothing the pack uses
    }
    String status = p.hasStatus() ? p.getStatus().toCode() : "";
    if (!List.of("completed", "in-progress").contains(status)) {
      m.notes.add(new Problem(path, "status " + status + ": not counted as therapy given"));
      return;
    }
    Optional<String> agent = therapy(p.getCode(), path + ".code");
    if (agent.isEmpty()) {
      return;
    }
    Optional<LocalDate> start = Optional.empty();
    Optional<LocalDate> end = Optional.empty();
    if (p.hasPerformedPeriod()) {
      start = BundleMapping.date(p.getPerformedPeriod().getStart());
      end = BundleMapping.date(p.getPerformedPeriod().getEnd());
    } else if (p.hasPerformedDateTimeType()) {
      start = BundleMapping.date(p.getPerformedDateTimeType().getValue());
      end = start;
    }
    add(
        agent.get(),
        start,
        end,
        response(null, p.hasOutcome() ? p.getOutcome() : null, path),
        path);
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

  private Optional<String> response(Extension ext, CodeableConcept outcome, String path) {
    String code = null;
    if (ext != null && ext.getValue() instanceof CodeType c) {
      code = c.getValue();
    } else if (outcome != null) {
      code = m.codes.concept(outcome, "response").map(FhirCodes::id).orElse(null);
    }
    if (code == null) {
      return Optional.empty();
    }
    if (!Therapy.RESPONSES.contains(code)) {
      m.notes.add(
          new Problem(
              path + ".response",
              "'" + code + "' is not a response of " + Therapy.RESPONSES + "; not used"));
      return Optional.empty();
    }
    return Optional.of(code);
  }

  /**
   * The vocabulary agent or regimen a code stands for; an unmapped drug is a note, never dropped
   * silently.
   */
  private Optional<String> therapy(CodeableConcept cc, String path) {
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

  private CodeableConcept medication(Type medication) {
    if (medication instanceof CodeableConcept cc) {
      return cc;
    }
    if (medication instanceof Reference ref && ref.getReference() != null) {
      for (org.hl7.fhir.r4.model.Bundle.BundleEntryComponent e : m.bundle.getEntry()) {
        Resource r = e.getResource();
        if (r instanceof Medication med
            && (ref.getReference().equals(e.getFullUrl())
                || ref.getReference().equals("Medication/" + r.getIdElement().getIdPart()))) {
          return med.getCode();
        }
      }
    }
    return new CodeableConcept();
  }
}
