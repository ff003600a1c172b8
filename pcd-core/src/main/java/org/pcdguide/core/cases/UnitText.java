package org.pcdguide.core.cases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit string as written, bounded and normalised before the UCUM library sees it.
 *
 * <p>The library raises every symbol to its exponent by repeated multiplication of arbitrary
 * precision decimals, so its cost grows with the exponent and, for units with a long value such as
 * [pi], exponentially with the number of terms ({@code 10^99999999.g/dL} never ends). Lab units
 * need little of that: a power of ten up to 10*24 (the largest SI prefix), an exponent up to 4 on
 * any other symbol, a few terms. Anything beyond the bounds below is refused, not converted.
 *
 * <p>Annotations ({@code {...}}) carry no meaning in UCUM (§2.1 of the specification): they are
 * stripped, and one that stands alone is the unity {@code 1}. So {@code g{total}/dL} is {@code
 * g/dL} and {@code {cells}/uL} is {@code 1/uL}, and a long annotation costs no cache space.
 */
sealed interface UnitText {
  /** The longest unit string read, annotations included. */
  int MAX_LENGTH = 128;

  /** The most unit terms (symbols and numbers) in one unit. */
  int MAX_TERMS = 8;

  /** The deepest nesting of parentheses. */
  int MAX_DEPTH = 3;

  /** The largest power of ten (10*n or 10^n), either sign. */
  int MAX_TEN_POWER = 24;

  /** The largest exponent on any other symbol, either sign. */
  int MAX_EXPONENT = 4;

  /** The largest sum of the exponents of the symbols other than powers of ten. */
  int MAX_EXPONENT_SUM = 12;

  /** Within the bounds; {@code unit} has its annotations stripped. */
  record Normalised(String unit) implements UnitText {}

  /** Outside the bounds: not given to UCUM at all. */
  record Refused(String reason) implements UnitText {}

  /** Not a UCUM unit (a malformed annotation); UCUM itself judges everything else. */
  record Invalid(String reason) implements UnitText {}

  Pattern EXPONENT = Pattern.compile("[+-]?[0-9]+$");

  static UnitText of(String raw) {
    if (raw.length() > MAX_LENGTH) {
      return new Refused("is longer than " + MAX_LENGTH + " characters");
    }
    StringBuilder unit = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '}') {
        return new Invalid("has a '}' without its '{'");
      }
      if (c != '{') {
        unit.append(c);
        continue;
      }
      int end = raw.indexOf('}', i + 1);
      if (end < 0) {
        return new Invalid("has an annotation without its closing '}'");
      }
      for (int j = i + 1; j < end; j++) {
        char a = raw.charAt(j);
        if (a < ' ' || a > '~' || a == '{') {
          return new Invalid("has an annotation with a character outside printable ASCII");
        }
      }
      if (end + 1 < raw.length() && "./)".indexOf(raw.charAt(end + 1)) < 0) {
        return new Invalid("has an annotation that does not end a term");
      }
      if (unit.isEmpty() || "./(".indexOf(unit.charAt(unit.length() - 1)) >= 0) {
        unit.append('1');
      }
      i = end;
    }
    return bounded(unit.toString());
  }

  private static UnitText bounded(String unit) {
    int depth = 0;
    int terms = 0;
    int exponents = 0;
    int start = 0;
    boolean bracket = false;
    for (int i = 0; i <= unit.length(); i++) {
      char c = i < unit.length() ? unit.charAt(i) : '.';
      if (c == '[' || c == ']') {
        bracket = c == '[';
      }
      if (bracket || "./()".indexOf(c) < 0) {
        continue;
      }
      String term = unit.substring(start, i);
      start = i + 1;
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth > MAX_DEPTH) {
        return new Refused("nests parentheses deeper than " + MAX_DEPTH);
      }
      if (term.isEmpty()) {
        continue;
      }
      if (++terms > MAX_TERMS) {
        return new Refused("has more than " + MAX_TERMS + " terms");
      }
      Matcher m = EXPONENT.matcher(term);
      boolean written = m.find();
      if (written && m.start() == 0) {
        continue; // a plain number
      }
      String digits = written ? m.group() : "1";
      int exponent =
          digits.length() - (Character.isDigit(digits.charAt(0)) ? 0 : 1) > 2
              ? Integer.MAX_VALUE
              : Math.abs(parse(digits));
      String symbol = written ? term.substring(0, m.start()) : term;
      if (symbol.equals("10*") || symbol.equals("10^")) {
        if (exponent > MAX_TEN_POWER) {
          return new Refused("has a power of ten beyond " + MAX_TEN_POWER + " ('" + term + "')");
        }
      } else if (exponent > MAX_EXPONENT) {
        return new Refused("has an exponent beyond " + MAX_EXPONENT + " ('" + term + "')");
      } else if ((exponents += exponent) > MAX_EXPONENT_SUM) {
        return new Refused("has exponents adding up to more than " + MAX_EXPONENT_SUM);
      }
    }
    return new Normalised(unit);
  }

  private static int parse(String digits) {
    return Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits);
  }
}
