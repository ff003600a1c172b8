package org.pcdguide.core.facts;

import java.util.List;

/**
 * The value of a derived fact. Unknown is a value, never {@code null}: it carries the findings that
 * would decide it.
 */
public sealed interface FactValue {

  List<String> because();

  /** A decided fact: a Boolean, a Double, a LocalDate or an enum word. */
  record Known(Object value, List<String> because) implements FactValue {
    public Known {
      because = List.copyOf(because);
    }
  }

  /** Not decidable from the input; {@code missing} names what would decide it. */
  record Unknown(List<String> because, List<MissingFinding> missing) implements FactValue {
    public Unknown {
      because = List.copyOf(because);
      missing = List.copyOf(missing);
    }
  }

  static Known of(Object value, String... because) {
    return new Known(value, List.of(because));
  }

  static Unknown unknown(String finding, String why) {
    return new Unknown(List.of(why), List.of(new MissingFinding(finding, why)));
  }

  /**
   * This fact as three-valued truth: a known Boolean is true or false; unknown is unknown; a known
   * non-Boolean value (a number, a date, a word) is not a truth value and reads as false.
   */
  default Truth truth() {
    if (this instanceof Known k) {
      return Truth.of(Boolean.TRUE.equals(k.value()));
    }
    return Truth.UNKNOWN;
  }

  default boolean known() {
    return this instanceof Known;
  }

  default boolean is(Object value) {
    return this instanceof Known k && k.value().equals(value);
  }

  /** Renders the value for traces and JSON: {@code unknown} for unknown facts. */
  default String display() {
    if (this instanceof Known k) {
      Object v = k.value();
      if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
        return Long.toString(d.longValue());
      }
      return String.valueOf(v);
    }
    return "unknown";
  }
}
