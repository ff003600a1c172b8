package org.pcdguide.core.facts;

import java.util.List;

/**
 * Scleromyxedema with monoclonal gammopathy: the four diagnostic features and the severity used by
 * the French series (severe: HDIVig-refractory, or CNS or cardiac involvement).
 */
final class ScleromyxedemaFacts {
  private ScleromyxedemaFacts() {}

  static FactValue monoclonalGammopathy(FactContext ctx) {
    FactValue c = ctx.fact("clonality");
    if (c.known()) {
      return new FactValue.Known(c.is("monoclonal"), c.because());
    }
    if (ctx.patientCase().clonality().mProteinPresent().orElse(true)) {
      return c;
    }
    return FactValue.of(false, "m-protein.present = false");
  }

  static FactValue noThyroidDisease(FactContext ctx) {
    FactValue t = ctx.fact("finding.thyroid-disease");
    return t instanceof FactValue.Known k
        ? new FactValue.Known(Boolean.FALSE.equals(k.value()), k.because())
        : t;
  }

  /** Dermato-neuro syndrome is CNS involvement, so it makes the disease severe. */
  static FactValue severity(FactContext ctx) {
    FactValue severe =
        Kleene.any(
            List.of(
                ctx.fact("ivig.refractory"),
                ctx.fact("finding.dermato-neuro-syndrome"),
                ctx.fact("finding.cns-involvement"),
                ctx.fact("finding.cardiac-involvement")));
    if (severe instanceof FactValue.Known k) {
      return new FactValue.Known(
          Boolean.TRUE.equals(k.value()) ? "severe" : "nonsevere", k.because());
    }
    return severe;
  }
}
