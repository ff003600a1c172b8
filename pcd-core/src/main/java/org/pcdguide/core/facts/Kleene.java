package org.pcdguide.core.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Three-valued or/and over boolean facts ({@link Truth}), keeping the trace of the deciding parts
 * and, when undecided, what is missing.
 */
final class Kleene {
  private Kleene() {}

  static FactValue any(List<FactValue> parts) {
    return combine(parts, Truth.TRUE);
  }

  static FactValue all(List<FactValue> parts) {
    return combine(parts, Truth.FALSE);
  }

  /** The first part whose truth is {@code decisive} decides; otherwise unknown or its opposite. */
  private static FactValue combine(List<FactValue> parts, Truth decisive) {
    List<String> because = new ArrayList<>();
    List<MissingFinding> missing = new ArrayList<>();
    Truth result = decisive.not();
    for (FactValue p : parts) {
      if (p.is(decisive == Truth.TRUE)) {
        return new FactValue.Known(decisive == Truth.TRUE, p.because());
      }
      because.addAll(p.because());
      if (p instanceof FactValue.Unknown u) {
        result = Truth.UNKNOWN;
        missing.addAll(u.missing());
      }
    }
    return result == Truth.UNKNOWN
        ? new FactValue.Unknown(because, missing)
        : new FactValue.Known(result == Truth.TRUE, because);
  }

  /** A met / not-met criteria fact from the three-valued conjunction of its criteria. */
  static FactValue criteria(List<FactValue> parts) {
    FactValue all = all(parts);
    if (all instanceof FactValue.Known k) {
      return new FactValue.Known(Boolean.TRUE.equals(k.value()) ? "met" : "not-met", k.because());
    }
    return all;
  }
}
