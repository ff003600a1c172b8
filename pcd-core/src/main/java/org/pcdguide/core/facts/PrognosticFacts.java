package org.pcdguide.core.facts;

import java.util.Optional;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.knowledge.Threshold;

/**
 * Adverse prognostic factors as patient-level facts, each read against a number a source gives (a
 * threshold of the pack, with its evidence); a factor no source puts a number on (anemia,
 * thrombocytopenia) stays with the lab's reference range (BloodCountFacts).
 */
final class PrognosticFacts {
  static final String AGE_60 = "poems.adverse-age";
  static final String SURVIVAL_AGE_50 = "poems.survival-adverse-age";
  static final String SURVIVAL_EGFR_30 = "poems.survival-adverse-egfr";

  private PrognosticFacts() {}

  /** The patient's age against an age threshold; unknown when the age is not stated. */
  static FactValue age(FactContext ctx, String thresholdId) {
    Threshold t = ctx.threshold(thresholdId);
    Optional<Integer> age = ctx.patientCase().patient().age();
    if (age.isEmpty()) {
      return FactValue.unknown("patient.age", "patient.age is not stated");
    }
    boolean adverse = t.test(age.get());
    return FactValue.of(
        adverse,
        "patient.age "
            + age.get()
            + " years "
            + verdict(adverse, t)
            + PackThresholds.of(ctx.pack()).citation(t));
  }

  /** The latest eGFR (mL/min/1.73 m2) against a threshold; unknown without an eGFR result. */
  static FactValue egfr(FactContext ctx, String thresholdId) {
    Threshold t = ctx.threshold(thresholdId);
    Optional<Lab> lab = ctx.patientCase().latestLab("egfr", ctx.asOf());
    if (lab.isEmpty()) {
      return FactValue.unknown(
          "egfr", "no egfr result (creatinine clearance is not eGFR; the source gives eGFR)");
    }
    boolean adverse = t.test(lab.get().value());
    return FactValue.of(
        adverse,
        "egfr "
            + BloodCountFacts.show(lab.get())
            + " "
            + verdict(adverse, t)
            + PackThresholds.of(ctx.pack()).citation(t));
  }

  private static String verdict(boolean adverse, Threshold t) {
    return (adverse ? "" : "not ") + t.describe();
  }
}
