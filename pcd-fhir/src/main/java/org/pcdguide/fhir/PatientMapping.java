package org.pcdguide.fhir;

import java.time.LocalDate;
import java.util.Optional;
import org.pcdguide.core.cases.Patient;
import org.pcdguide.core.cases.Problem;

/** Patient: sex from gender, age from birthDate as of the assessment date. */
final class PatientMapping {
  private PatientMapping() {}

  static Patient patient(
      Optional<FhirResource> resource,
      Optional<LocalDate> asOf,
      Optional<Boolean> transplantEligible,
      BundleMapping m) {
    if (resource.isEmpty()) {
      m.notes.add(new Problem("Patient", "the Bundle has no Patient: age and sex are unknown"));
      return new Patient(Optional.empty(), "unknown", transplantEligible);
    }
    FhirResource p = resource.get();
    String path = p.path();
    // every administrative gender code (male, female, other, unknown) is a sex of the case format
    String sex =
        FhirPrimitives.code(
                FhirJson.one(p.json(), "gender"), FhirR4.GENDER, path, ".gender", m.problems)
            .orElse("unknown");
    Optional<LocalDate> birth =
        FhirPrimitives.date(FhirJson.one(p.json(), "birthDate"), path, ".birthDate", m.problems);
    Optional<Integer> age = birth.flatMap(b -> age(b, asOf, path + ".birthDate", m));
    return new Patient(age, sex, transplantEligible);
  }

  private static Optional<Integer> age(
      LocalDate birth, Optional<LocalDate> asOf, String path, BundleMapping m) {
    if (asOf.isEmpty()) {
      m.notes.add(new Problem(path, "no assessment date (as-of or Bundle.timestamp): age unknown"));
      return Optional.empty();
    }
    if (birth.isAfter(asOf.get())) {
      m.problems.add(
          new Problem(path, "'" + birth + "' is after the assessment date " + asOf.get()));
      return Optional.empty();
    }
    int years = BundleMapping.years(birth, asOf.get());
    if (years > 130) {
      m.problems.add(new Problem(path, "'" + birth + "' gives an age of " + years + " years"));
      return Optional.empty();
    }
    return Optional.of(years);
  }
}
