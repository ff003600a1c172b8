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
  static final List<String> MANDATORY =
      List.of("poems.criterion.polyneuropathy", "poems.criterion.monoclonal-plasma-cell-disorder");
  static final List<String> MAJOR =
      List.of(
          "poems.criterion.castleman-disease",
          "poems.criterion.sclerotic-bone-lesions",
          "poems.criterion.vegf-elevated");
  static final List<String> MINOR =
      List.of(
          "poems.criterion.organomegaly",
          "poems.criterion.extravascular-volume-overload",
          "poems.criterion.endocrinopathy",
          "poems.criterion.skin-changes",
          "poems.criterion.papilledema",
          "poems.criterion.thrombocytosis-polycythemia");
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
    return Kleene.any(List.of(ctx.fact("finding.polycythemia"), ctx.fact("thrombocytosis")));
  }

  /** Both mandatory criteria, at least one other major and at least one minor criterion. */
  static FactValue criteria(FactContext ctx) {
    List<String> because = new ArrayList<>();
    List<MissingFinding> missing = new ArrayList<>();
    boolean mandatoryUnknown = false;
    for (String name : MANDATORY) {
      FactValue v = ctx.fact(name);
      if (v.is(Boolean.FALSE)) {
        return FactValue.of("not-met", "mandatory " + shortName(name) + " not met");
      }
      if (v instanceof FactValue.Unknown u) {
        mandatoryUnknown = true;
        missing.addAll(u.missing());
      }
      because.add("mandatory " + shortName(name) + " " + word(v));
    }
    FactValue major = group(ctx, MAJOR, "major", because);
    FactValue minor = group(ctx, MINOR, "minor", because);
    if (major.is(Boolean.FALSE) || minor.is(Boolean.FALSE)) {
      return new FactValue.Known("not-met", because);
    }
    if (!mandatoryUnknown && major.is(Boolean.TRUE) && minor.is(Boolean.TRUE)) {
      return new FactValue.Known("met", because);
    }
    if (major instanceof FactValue.Unknown u) {
      missing.addAll(u.missing());
    }
    if (minor instanceof FactValue.Unknown u) {
      missing.addAll(u.missing());
    }
    return new FactValue.Unknown(because, missing);
  }

  private static FactValue group(
      FactContext ctx, List<String> names, String label, List<String> because) {
    List<FactValue> values = new ArrayList<>();
    List<String> met = new ArrayList<>();
    for (String name : names) {
      FactValue v = ctx.fact(name);
      values.add(v);
      if (v.is(Boolean.TRUE)) {
        met.add(shortName(name));
      }
    }
    FactValue any = Kleene.any(values);
    because.add(
        label
            + ": "
            + (met.isEmpty()
                ? (any.known() ? "none met" : "none met yet")
                : String.join(", ", met) + " met"));
    return any;
  }

  private static String shortName(String fact) {
    return fact.substring("poems.criterion.".length());
  }

  private static String word(FactValue v) {
    return v.is(Boolean.TRUE) ? "met" : v.known() ? "not met" : "unknown";
  }
}
