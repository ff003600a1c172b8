package org.pcdguide.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.pcdguide.core.cases.Clonality;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.Vocabulary;

/** Maps one parsed Bundle to a PatientCase; collects fatal problems and non-fatal notes. */
final class BundleMapping {
  static final String EXT = "https://fhir.pcdguide.org/StructureDefinition/";
  final Vocabulary vocabulary;
  final FhirCodes codes;
  final Bundle bundle;
  final Optional<LocalDate> asOf;
  final List<Problem> problems = new ArrayList<>();
  final List<Problem> notes = new ArrayList<>();
  final Map<String, Finding> findings = new LinkedHashMap<>();
  final List<Lab> labs = new ArrayList<>();
  final List<Therapy> therapies = new ArrayList<>();
  final List<String> proposed = new ArrayList<>();
  final List<String> diagnoses = new ArrayList<>();
  ClinicalObservations clinical = new ClinicalObservations();
  boolean historyStated;

  /** Clonality and other coded observations of the local code system. */
  static final class ClinicalObservations {
    Optional<Boolean> mProtein = Optional.empty();
    Optional<String> heavy = Optional.empty();
    Optional<String> light = Optional.empty();
    Optional<Boolean> kappa = Optional.empty();
    Optional<Boolean> lambda = Optional.empty();
    Optional<Boolean> hypergamma = Optional.empty();
    Optional<Boolean> transplantEligible = Optional.empty();
  }

  BundleMapping(Vocabulary vocabulary, FhirCodes codes, Bundle bundle, Optional<LocalDate> asOf) {
    this.vocabulary = vocabulary;
    this.codes = codes;
    this.bundle = bundle;
    this.asOf = asOf;
  }

  List<Problem> problems() {
    return problems;
  }

  PatientCase map() {
    Patient patient = null;
    ConditionMapping conditions = new ConditionMapping(this);
    ObservationMapping observations = new ObservationMapping(this);
    TherapyMapping therapy = new TherapyMapping(this);
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource r = entry.getResource();
      if (r == null) {
        continue;
      }
      switch (r.getResourceType()) {
        case Patient -> {
          if (patient != null) {
            problems.add(
                new Problem(path(r), "a second Patient; send one patient's resources per Bundle"));
          }
          patient = (Patient) r;
        }
        case Condition -> conditions.map((Condition) r);
        case Observation -> observations.map((org.hl7.fhir.r4.model.Observation) r);
        case MedicationRequest -> therapy.request((org.hl7.fhir.r4.model.MedicationRequest) r);
        case ServiceRequest -> therapy.serviceRequest((org.hl7.fhir.r4.model.ServiceRequest) r);
        case MedicationStatement ->
            therapy.statement((org.hl7.fhir.r4.model.MedicationStatement) r);
        case Procedure -> therapy.procedure((org.hl7.fhir.r4.model.Procedure) r);
        default -> {
          // encounters, claims, practitioners and the like carry nothing the pack uses
        }
      }
    }
    Optional<String> diagnosis = Optional.empty();
    if (!diagnoses.isEmpty()) {
      diagnosis = Optional.of(diagnoses.get(0));
      for (String other : diagnoses.subList(1, diagnoses.size())) {
        if (!other.equals(diagnoses.get(0))) {
          notes.add(
              new Problem(
                  "Condition:" + other,
                  "a second diagnosis ("
                      + other
                      + "); the first, "
                      + diagnoses.get(0)
                      + ", is the working label"));
        }
      }
    }
    String id =
        bundle.hasIdElement() && bundle.getIdElement().hasIdPart()
            ? bundle.getIdElement().getIdPart()
            : "";
    return new PatientCase(
        id,
        asOf,
        PatientMapping.patient(patient, asOf, clinical.transplantEligible, this),
        diagnosis,
        findings,
        new Clonality(
            clinical.mProtein,
            clinical.heavy,
            clinical.light,
            clinical.kappa,
            clinical.lambda,
            clinical.hypergamma),
        labs,
        historyStated || !therapies.isEmpty() ? Optional.of(therapies) : Optional.empty(),
        proposed,
        notes);
  }

  static String path(Resource r) {
    return r.fhirType() + "/" + (r.hasIdElement() ? r.getIdElement().getIdPart() : "(no id)");
  }

  static Optional<LocalDate> date(Date d) {
    return d == null
        ? Optional.empty()
        : Optional.of(d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
  }

  static int years(LocalDate birth, LocalDate asOf) {
    return Period.between(birth, asOf).getYears();
  }
}
