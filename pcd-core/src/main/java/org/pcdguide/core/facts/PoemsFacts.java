package org.pcdguide.core.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Clonality;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.knowledge.Threshold;

/**
 * POEMS syndrome: the diagnostic criteria (Dispenzieri, Blood 2012, table 1) and disease extent.
 * Sourced numbers come from the pack's thresholds, never from this class.
 */
final class PoemsFacts {
  private static final List<String> COMMON_ENDOCRINE =
      List.of("diabetes", "thyroid", "hypothyroidism");

  private PoemsFacts() {}

  static FactValue monoclonal(FactContext ctx) {
    Clonality c = ctx.patientCase().clonality();
    if (c.mProteinPresent().orElse(false)) {
      return FactValue.of(
          true, "m-protein.present = true" + c.lightChain().map(l -> " (" + l + ")").orElse(""));
    }
    if (c.ihcKappa().isPresent()
        && c.ihcLambda().isPresent()
        && c.ihcKappa().get() != c.ihcLambda().get()) {
      return FactValue.of(
          true,
          "plasma-cell-ihc light-chain restricted ("
              + (c.ihcLambda().get() ? "lambda" : "kappa")
              + ")");
    }
    Optional<Lab> spep = ctx.patientCase().latestLab("m-protein-serum", ctx.asOf());
    if (spep.isPresent() && spep.get().value() > 0) {
      return FactValue.of(true, "m-protein-serum " + BloodCountFacts.show(spep.get()));
    }
    boolean polyclonalIhc = c.ihcKappa().orElse(false) && c.ihcLambda().orElse(false);
    if (c.mProteinPresent().isPresent() && polyclonalIhc) {
      return FactValue.of(
          false, "m-protein.present = false and plasma-cell-ihc shows both kappa and lambda");
    }
    if (c.mProteinPresent().isPresent()) {
      return FactValue.unknown(
          "clonality.plasma-cell-ihc",
          "no M-protein detected; light-chain restriction of plasma cells on a biopsy (bone lesion"
              + " or marrow) would still establish a monoclonal plasma cell disorder");
    }
    return FactValue.unknown(
        "clonality.m-protein",
        "no M-protein study or plasma-cell light-chain restriction is stated");
  }

  static FactValue vegfElevated(FactContext ctx) {
    Threshold plasmaCutoff = ctx.threshold("poems.vegf-plasma-elevated");
    List<FactValue> measured = new ArrayList<>();
    ctx.patientCase()
        .latestLab("vegf-plasma", ctx.asOf())
        .ifPresent(
            l ->
                measured.add(
                    FactValue.of(
                        plasmaCutoff.test(l.value()),
                        "vegf-plasma "
                            + BloodCountFacts.show(l)
                            + (plasmaCutoff.test(l.value()) ? " meets " : " does not meet ")
                            + plasmaCutoff.describe())));
    if (ctx.patientCase().latestLab("vegf-serum", ctx.asOf()).isPresent()) {
      measured.add(BloodCountFacts.aboveRange(ctx, "vegf-serum"));
    }
    if (measured.isEmpty()) {
      return new FactValue.Unknown(
          List.of("no VEGF result"),
          List.of(
              new MissingFinding(
                  "vegf-plasma",
                  "no VEGF result; plasma VEGF ("
                      + plasmaCutoff.describe()
                      + ") or serum VEGF with the lab's reference range decides this criterion")));
    }
    return Kleene.any(measured);
  }

  static FactValue organomegaly(FactContext ctx) {
    return Kleene.any(
        List.of(ctx.fact("finding.organomegaly"), ctx.fact("finding.lymphadenopathy")));
  }

  /** Diabetes or thyroid disease alone does not satisfy the endocrinopathy criterion. */
  static FactValue endocrinopathy(FactContext ctx) {
    Optional<Finding> f = ctx.patientCase().finding("endocrinopathy");
    if (f.isEmpty()) {
      return FactValue.unknown("endocrinopathy", "endocrinopathy is not stated");
    }
    if (!f.get().present()) {
      return FactValue.of(false, "endocrinopathy = false");
    }
    List<String> kinds = f.get().words("kinds");
    if (kinds.isEmpty()) {
      return FactValue.unknown(
          "endocrinopathy.kinds",
          "endocrinopathy is present but its kinds are not stated; diabetes or thyroid disease"
              + " alone does not count");
    }
    List<String> counting = new ArrayList<>(kinds);
    counting.removeAll(COMMON_ENDOCRINE);
    if (counting.isEmpty()) {
      return FactValue.of(
          false,
          "endocrinopathy.kinds = " + kinds + ": diabetes or thyroid disease alone does not count");
    }
    return FactValue.of(true, "endocrinopathy.kinds = " + kinds);
  }

  static FactValue thrombocytosisOrPolycythemia(FactContext ctx) {
    return Kleene.any(List.of(polycythemia(ctx), ctx.fact("thrombocytosis")));
  }

  /**
   * Polycythemia: stated, or the latest hemoglobin or hematocrit above the lab's reference range
   * high limit (as thrombocytosis is read from platelets; no source gives a threshold). Either one,
   * when known, decides without the other; undecided, the lab is what is asked for, not the finding
   * (issue 14, rule 4).
   */
  private static FactValue polycythemia(FactContext ctx) {
    FactValue stated = ctx.fact("finding.polycythemia");
    FactValue lab = erythrocytosisByLab(ctx);
    if (stated.known()) {
      return lab.known() ? Kleene.any(List.of(stated, lab)) : stated;
    }
    return lab;
  }

  /** Hemoglobin and hematocrit, whichever have a result; hemoglobin is asked for when none has. */
  private static FactValue erythrocytosisByLab(FactContext ctx) {
    FactValue hemoglobin = BloodCountFacts.aboveRange(ctx, "hemoglobin");
    if (ctx.patientCase().latestLab("hematocrit", ctx.asOf()).isEmpty()) {
      return hemoglobin;
    }
    FactValue hematocrit = BloodCountFacts.aboveRange(ctx, "hematocrit");
    if (ctx.patientCase().latestLab("hemoglobin", ctx.asOf()).isEmpty()) {
      return hematocrit;
    }
    return Kleene.any(List.of(hemoglobin, hematocrit));
  }
}
