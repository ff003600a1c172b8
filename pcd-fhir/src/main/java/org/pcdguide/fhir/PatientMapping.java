package org.pcdguide.fhir;

import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;
import org.pcdguide.core.cases.Problem;

/** Patient: sex from gender, age from birthDate as of the assessment date. */
final class PatientMapping {
  private PatientMapping() {}

  static org.pcdguide.core.cases.Patient patient(
      Patient p, Optional<LocalDate> asOf, Optional<Boolean> transplantEligible, BundleMapping m) {
    if (p == null) {
      m.notes.add(new Problem("Patient", "the Bundle has no Patient: age and sex are unknown"));
      return new org.pcdguide.core.cases.Patient(Optional.empty(), "unknown", transplantEligible);
    }
    String sex =
        p.hasGender()
            ? switch (p.getGender()) {
              case MALE -> "male";
              case FEMALE -> "female";
              case OTHER -> "other";
              default -> "unknown";
            }
            : "unknown";
    Optional<Integer> age = Optional.empty();
    if (p.hasBirthDate()) {
      LocalDate birth = BundleMapping.date(p.getBirthDate()).orElseThrow();
      if (asOf.isEmpty()) {
        m.notes.add(
            new Problem(
                BundleMapping.path(p) + ".birthDate",
                "no assessment date (as-of or Bundle.timestamp): age unknown"));
      } else if (birth.isAfter(asOf.get())) {
        m.problems.add(
            new Problem(
                BundleMapping.path(p) + ".birthDate",
                "'" + birth + "' is after the assessment date " + asOf.get()));
      } else {
        int years = BundleMapping.years(birth, asOf.get());
        if (years > 130) {
          m.problems.add(
              new Problem(
                  BundleMapping.path(p) + ".birthDate",
                  "'" + birth + "' gives an age of " + years + " years"));
        } else {
          age = Optional.of(years);
        }
      }
    }
    return new org.pcdguide.core.cases.Patient(age, sex, transplantEligible);
  }
}
