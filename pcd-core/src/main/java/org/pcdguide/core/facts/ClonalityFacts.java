package org.pcdguide.core.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Clonality;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Lab;

/**
 * Clonality of the plasma cells, and the plasmacytosis facts that rest on it. A monoclonal finding
 * (M-protein, light-chain restriction) moves a case out of the polyclonal plasmacytosis pathway.
 */
final class ClonalityFacts {
  private ClonalityFacts() {}

  static FactValue clonality(FactContext ctx) {
    Clonality c = ctx.patientCase().clonality();
    List<String> monoclonal = new ArrayList<>();
    if (c.mProteinPresent().orElse(false)) {
      monoclonal.add(
          "m-protein.present = true" + c.lightChain().map(l -> " (" + l + ")").orElse(""));
    }
    if (c.ihcKappa().isPresent()
        && c.ihcLambda().isPresent()
        && !c.ihcKappa().equals(c.ihcLambda())) {
      monoclonal.add(
          "plasma-cell-ihc light-chain restricted ("
              + (c.ihcLambda().get() ? "lambda" : "kappa")
              + ")");
    }
    Optional<Lab> spep = ctx.patientCase().latestLab("m-protein-serum", ctx.asOf());
    if (spep.isPresent() && spep.get().value() > 0) {
      monoclonal.add("m-protein-serum " + BloodCountFacts.show(spep.get()));
    }
    List<String> polyclonal = new ArrayList<>();
    if (c.ihcKappa().orElse(false) && c.ihcLambda().orElse(false)) {
      polyclonal.add("plasma-cell-ihc shows both kappa and lambda");
    }
    if (c.polyclonalHypergammaglobulinemia().orElse(false)
        && c.mProteinPresent().equals(Optional.of(false))) {
      polyclonal.add("polyclonal hypergammaglobulinemia without M-protein");
    }
    if (!monoclonal.isEmpty()) {
      if (!polyclonal.isEmpty()) {
        monoclonal.add("despite " + String.join(" and ", polyclonal));
      }
      return new FactValue.Known("monoclonal", monoclonal);
    }
    if (!polyclonal.isEmpty()) {
      return new FactValue.Known("polyclonal", polyclonal);
    }
    return FactValue.unknown(
        "clonality.plasma-cell-ihc",
        "clonality is not established: plasma-cell kappa/lambda IHC (both = polyclonal) or an"
            + " M-protein study decides it");
  }

  /** The M-protein's light chain, else the one light-chain-restricted plasma cells express. */
  static FactValue lightChain(FactContext ctx) {
    org.pcdguide.core.cases.Clonality c = ctx.patientCase().clonality();
    if (c.lightChain().isPresent()) {
      return FactValue.of(c.lightChain().get(), "m-protein.light-chain = " + c.lightChain().get());
    }
    if (c.ihcKappa().isPresent()
        && c.ihcLambda().isPresent()
        && !c.ihcKappa().get().equals(c.ihcLambda().get())) {
      String chain = c.ihcLambda().get() ? "lambda" : "kappa";
      return FactValue.of(chain, "plasma-cell-ihc restricted to " + chain);
    }
    return FactValue.unknown(
        "clonality.m-protein.light-chain",
        "light chain of the M-protein (immunofixation) or of the plasma cells (IHC)");
  }

  static FactValue polyclonalCriterion(FactContext ctx) {
    FactValue c = ctx.fact("clonality");
    return c.known() ? new FactValue.Known(c.is("polyclonal"), c.because()) : c;
  }

  /** Systemic: lymph nodes or other organs involved; cutaneous: skin only, both stated absent. */
  static FactValue plasmacytosisExtent(FactContext ctx) {
    FactValue nodes = ctx.fact("finding.lymphadenopathy");
    FactValue organs = ctx.fact("finding.systemic-organ-involvement");
    FactValue beyondSkin = Kleene.any(List.of(nodes, organs));
    if (beyondSkin.is(Boolean.TRUE)) {
      return new FactValue.Known("systemic", beyondSkin.because());
    }
    FactValue skin = ctx.fact("finding.skin-lesions");
    if (beyondSkin.is(Boolean.FALSE) && skin.is(Boolean.TRUE)) {
      List<String> because = new ArrayList<>(skin.because());
      because.addAll(beyondSkin.because());
      return new FactValue.Known("cutaneous", because);
    }
    if (beyondSkin.is(Boolean.FALSE)) {
      // no skin lesion (or none stated) and nothing beyond the skin: neither extent applies
      return skin.known()
          ? new FactValue.Unknown(
              List.of("no skin lesion and no involvement beyond the skin"), List.of())
          : skin;
    }
    return new FactValue.Unknown(
        beyondSkin.because(),
        List.of(
            new MissingFinding(
                "systemic-organ-involvement",
                "staging (lymph nodes, other organs) decides cutaneous vs systemic plasmacytosis")));
  }

  static FactValue skinLesionsLimited(FactContext ctx) {
    Optional<Finding> f = ctx.patientCase().finding("skin-lesions");
    if (f.isEmpty()) {
      return FactValue.unknown("skin-lesions", "skin-lesions is not stated");
    }
    if (!f.get().present()) {
      return FactValue.of(false, "skin-lesions = false");
    }
    return f.get()
        .text("distribution")
        .<FactValue>map(
            d -> FactValue.of(d.equals("localized"), "skin-lesions.distribution = " + d))
        .orElseGet(
            () ->
                FactValue.unknown(
                    "skin-lesions.distribution",
                    "whether the skin lesions are localized (limited) or widespread is not stated"));
  }
}
