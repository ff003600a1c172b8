package org.pcdguide.fhir;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.cases.Clonality;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Maps one patient's resources (a Bundle's entries, or resources sent on their own) to a
 * PatientCase; collects fatal problems and non-fatal notes. One instance per read: not shared.
 */
final class BundleMapping {
  static final String EXT = "https://fhir.pcdguide.org/StructureDefinition/";
  final Vocabulary vocabulary;
  final FhirCodes codes;
  final Drugs drugs;
  final List<FhirResource> resources;
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

  BundleMapping(
      Vocabulary vocabulary, Drugs drugs, List<FhirResource> resources, Optional<LocalDate> asOf) {
    this.vocabulary = vocabulary;
    this.codes = drugs.codes();
    this.drugs = drugs;
    this.resources = resources;
    this.asOf = asOf;
  }

  List<Problem> problems() {
    return problems;
  }

  /** The case, with {@code id} as its id; read {@link #problems()} before using it. */
  PatientCase map(String id) {
    ConditionMapping conditions = new ConditionMapping(this);
    ObservationMapping observations = new ObservationMapping(this);
    TherapyMapping therapy = new TherapyMapping(this);
    Optional<FhirResource> patient = Optional.empty();
    for (FhirResource r : resources) {
      switch (r.type()) {
        case "Patient" -> patient = patient(patient, r);
        case "Condition" -> conditions.map(r);
        case "Observation" -> observations.map(r);
        case "MedicationRequest" -> therapy.request(r);
        case "ServiceRequest" -> therapy.serviceRequest(r);
        case "MedicationStatement" -> therapy.statement(r);
        case "Procedure" -> therapy.procedure(r);
        default -> {
          // encounters, claims, practitioners and the like carry nothing the pack uses
        }
      }
    }
    Optional<String> diagnosis = diagnosis(); // its notes come before the Patient's
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

  private Optional<FhirResource> patient(Optional<FhirResource> earlier, FhirResource r) {
    if (earlier.isPresent()) {
      problems.add(
          new Problem(r.path(), "a second Patient; send one patient's resources per Bundle"));
    }
    return Optional.of(r);
  }

  /** The first diagnosis is the working label; any other is a note. */
  private Optional<String> diagnosis() {
    if (diagnoses.isEmpty()) {
      return Optional.empty();
    }
    String first = diagnoses.get(0);
    for (String other : diagnoses.subList(1, diagnoses.size())) {
      if (!other.equals(first)) {
        notes.add(
            new Problem(
                "Condition:" + other,
                "a second diagnosis ("
                    + other
                    + "); the first, "
                    + first
                    + ", is the working label"));
      }
    }
    return Optional.of(first);
  }

  /**
   * The first resource of a type that a reference points to, by the entry's fullUrl or by
   * "Type/id". A linear scan: a patient's Bundle resolves few references (specimens, medications).
   */
  Optional<FhirResource> resolve(String reference, String type) {
    for (FhirResource r : resources) {
      if (r.type().equals(type) && r.isTarget(reference)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  static int years(LocalDate birth, LocalDate asOf) {
    return Period.between(birth, asOf).getYears();
  }
}
