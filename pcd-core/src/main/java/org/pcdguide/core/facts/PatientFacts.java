package org.pcdguide.core.facts;

import java.util.Optional;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Patient;

/** Facts read straight from the patient and the stated findings. */
final class PatientFacts {
  private PatientFacts() {}

  static FactValue age(FactContext ctx) {
    Optional<Integer> age = ctx.patientCase().patient().age();
    return age.<FactValue>map(a -> FactValue.of((double) a, "patient.age = " + a))
        .orElseGet(() -> FactValue.unknown("patient.age", "patient.age is not stated"));
  }

  static FactValue sex(FactContext ctx) {
    String sex = ctx.patientCase().patient().sex();
    return "unknown".equals(sex)
        ? FactValue.unknown("patient.sex", "patient.sex is not stated")
        : FactValue.of(sex, "patient.sex = " + sex);
  }

  static FactValue diagnosisLabel(FactContext ctx) {
    return ctx.patientCase()
        .diagnosis()
        .<FactValue>map(d -> FactValue.of(d, "diagnosis = " + d))
        .orElseGet(() -> FactValue.unknown("diagnosis", "no diagnosis label is given"));
  }

  static FactValue transplantEligible(FactContext ctx) {
    Patient p = ctx.patientCase().patient();
    return p.transplantEligible()
        .<FactValue>map(e -> FactValue.of(e, "patient.transplant-eligible = " + e))
        .orElseGet(
            () ->
                FactValue.unknown(
                    "patient.transplant-eligible",
                    "transplant eligibility is not stated (no sourced rule: clinician decision)"));
  }

  /** A stated finding's presence; unknown when the finding is not mentioned. */
  static FactValue finding(FactContext ctx, String id) {
    return ctx.patientCase()
        .finding(id)
        .<FactValue>map(f -> FactValue.of(f.present(), id + " = " + f.present()))
        .orElseGet(() -> FactValue.unknown(id, id + " is not stated"));
  }

  /**
   * Clinically significant pre-existing neuropathy: the clinician's {@code preexisting} flag, else
   * the severity (moderate or severe counts, mild does not). Mere presence never decides it, since
   * polyneuropathy is mandatory for POEMS and would otherwise always count.
   */
  static FactValue neuropathyPreexisting(FactContext ctx) {
    Optional<Finding> f = ctx.patientCase().finding("peripheral-neuropathy");
    if (f.isPresent() && !f.get().present()) {
      return FactValue.of(false, "peripheral-neuropathy = false");
    }
    if (f.isPresent()) {
      Optional<Boolean> flag = f.get().flag("preexisting");
      if (flag.isPresent()) {
        return FactValue.of(flag.get(), "peripheral-neuropathy.preexisting = " + flag.get());
      }
      Optional<String> severity = f.get().text("severity");
      if (severity.isPresent()) {
        boolean significant = !severity.get().equals("mild");
        return FactValue.of(significant, "peripheral-neuropathy.severity = " + severity.get());
      }
    }
    return FactValue.unknown(
        "peripheral-neuropathy.preexisting",
        "whether the neuropathy is clinically significant before treatment (preexisting flag or"
            + " severity) is not stated");
  }
}
