package org.pcdguide.core.facts;

import java.util.ArrayList;
import java.util.List;

/** IL-6 and renal function, read against the lab's reference range (no source gives numbers). */
final class OrganFacts {
  private OrganFacts() {}

  static FactValue il6Elevated(FactContext ctx) {
    return BloodCountFacts.aboveRange(ctx, "il-6-serum");
  }

  /** The clinician's renal-impairment finding, else creatinine clearance or eGFR below range. */
  static FactValue renalImpaired(FactContext ctx) {
    FactValue stated = ctx.fact("finding.renal-impairment");
    if (stated.known()) {
      return stated;
    }
    List<FactValue> measured = new ArrayList<>();
    for (String test : List.of("creatinine-clearance", "egfr")) {
      if (ctx.patientCase().latestLab(test, ctx.asOf()).isPresent()) {
        measured.add(BloodCountFacts.belowRange(ctx, test));
      }
    }
    if (measured.isEmpty()) {
      return FactValue.unknown(
          "renal-impairment",
          "renal function is not stated (renal-impairment, or creatinine clearance / eGFR with the"
              + " lab's reference range)");
    }
    return Kleene.any(measured);
  }
}
