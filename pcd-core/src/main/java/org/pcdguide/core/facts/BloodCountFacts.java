package org.pcdguide.core.facts;

import java.util.Optional;
import org.pcdguide.core.cases.Lab;

/**
 * Cytopenias and thrombocytosis. No source gives a number for these, so each is read against the
 * reporting lab's reference range; without one the fact is unknown and the range is what is
 * missing.
 */
final class BloodCountFacts {
  private BloodCountFacts() {}

  static FactValue anemia(FactContext ctx) {
    return belowRange(ctx, "hemoglobin");
  }

  static FactValue thrombocytopenia(FactContext ctx) {
    return belowRange(ctx, "platelets");
  }

  static FactValue thrombocytosis(FactContext ctx) {
    return aboveRange(ctx, "platelets");
  }

  static FactValue belowRange(FactContext ctx, String test) {
    Optional<Lab> lab = ctx.patientCase().latestLab(test, ctx.asOf());
    if (lab.isEmpty()) {
      return FactValue.unknown(test, "no " + test + " result");
    }
    Lab l = lab.get();
    if (l.referenceLow().isEmpty()) {
      return FactValue.unknown(
          test + ".reference-range.low",
          test + " " + show(l) + " has no reference range low limit; no source gives a threshold");
    }
    boolean below = l.value() < l.referenceLow().get();
    return FactValue.of(
        below,
        test
            + " "
            + show(l)
            + (below ? " < " : " >= ")
            + "reference low "
            + num(l.referenceLow().get()));
  }

  static FactValue aboveRange(FactContext ctx, String test) {
    Optional<Lab> lab = ctx.patientCase().latestLab(test, ctx.asOf());
    if (lab.isEmpty()) {
      return FactValue.unknown(test, "no " + test + " result");
    }
    Lab l = lab.get();
    if (l.referenceHigh().isEmpty()) {
      return FactValue.unknown(
          test + ".reference-range.high",
          test + " " + show(l) + " has no reference range high limit; no source gives a threshold");
    }
    boolean above = l.value() > l.referenceHigh().get();
    return FactValue.of(
        above,
        test
            + " "
            + show(l)
            + (above ? " > " : " <= ")
            + "reference high "
            + num(l.referenceHigh().get()));
  }

  static String show(Lab l) {
    return num(l.value()) + " " + l.unit() + l.date().map(d -> " (" + d + ")").orElse("");
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String plain = Double.toString(v);
    if (plain.indexOf('E') < 0 && significantDigits(plain) <= 6) {
      return plain; // already what rounding to 6 significant digits would print
    }
    return java.math.BigDecimal.valueOf(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The significant digits of a plain decimal such as {@code -0.0123} (3). */
  private static int significantDigits(String plain) {
    int n = 0;
    boolean leading = true;
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c < '0' || c > '9' || (leading && c == '0')) {
        continue;
      }
      leading = false;
      n++;
    }
    return n;
  }
}
