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
    String shown = num(l.value()) + " " + l.unit();
    return l.date().isPresent() ? shown + " (" + l.date().get() + ")" : shown;
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String quick = sixDigits(v);
    if (quick != null) {
      return quick;
    }
    return java.math.BigDecimal.valueOf(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Powers of ten, exact as doubles up to 10^22. */
  private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};

  /** 10^e for e = -3 .. 6: the lowest value with e + 1 digits before the point. */
  private static final double[] DECADE = {1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};

  /**
   * {@code v} rounded half-up to six significant digits by arithmetic, for 0.001 <= |v| < 10^7;
   * null when the scaled value lies too near a rounding tie (or a power of ten) to be sure of
   * agreeing with the decimal rounding, which then decides.
   */
  private static String sixDigits(double v) {
    double a = Math.abs(v);
    if (!(a >= 1e-3 && a < 1e7)) {
      return null;
    }
    int e = 6; // a < 10^(e+1)
    while (e > -3 && a < DECADE[e + 3]) {
      e--;
    }
    // 10^e <= a < 10^(e+1), up to the doubles' rounding at the bounds: the range check catches it
    double scaled = e <= 5 ? a * POW10[5 - e] : a / 10;
    double frac = scaled - Math.floor(scaled);
    if (Math.abs(frac - 0.5) < 1e-6 || scaled < 99_999.5 || scaled >= 999_999.5) {
      return null;
    }
    long r = Math.round(scaled);
    StringBuilder out = new StringBuilder(16);
    if (v < 0) {
      out.append('-');
    }
    String digits = Long.toString(r);
    if (e >= 5) {
      out.append(digits);
      if (e == 6) {
        out.append('0');
      }
      return out.toString();
    }
    int point = e + 1; // digits before the decimal point (none or negative: leading zeros)
    int end = digits.length();
    while (end > Math.max(point, 0) && digits.charAt(end - 1) == '0') {
      end--;
    }
    if (point <= 0) {
      out.append("0.");
      for (int i = point; i < 0; i++) {
        out.append('0');
      }
      out.append(digits, 0, end);
    } else {
      out.append(digits, 0, point);
      if (end > point) {
        out.append('.').append(digits, point, end);
      }
    }
    return out.toString();
  }
}
