package org.pcdguide.core.facts;

import java.util.ArrayList;
import java.util.List;

/** Three-valued or/and over boolean facts, keeping the trace and what is missing. */
final class Kleene {
  private Kleene() {}

  static FactValue any(List<FactValue> parts) {
    List<String> because = new ArrayList<>();
    List<MissingFinding> missing = new ArrayList<>();
    boolean unknown = false;
    for (FactValue p : parts) {
      if (p.is(Boolean.TRUE)) {
        return new FactValue.Known(true, p.because());
      }
      because.addAll(p.because());
      if (p instanceof FactValue.Unknown u) {
        unknown = true;
        missing.addAll(u.missing());
      }
    }
    return unknown ? new FactValue.Unknown(because, missing) : new FactValue.Known(false, because);
  }

  static FactValue all(List<FactValue> parts) {
    List<String> because = new ArrayList<>();
    List<MissingFinding> missing = new ArrayList<>();
    boolean unknown = false;
    for (FactValue p : parts) {
      if (p.is(Boolean.FALSE)) {
        return new FactValue.Known(false, p.because());
      }
      because.addAll(p.because());
      if (p instanceof FactValue.Unknown u) {
        unknown = true;
        missing.addAll(u.missing());
      }
    }
    return unknown ? new FactValue.Unknown(because, missing) : new FactValue.Known(true, because);
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
