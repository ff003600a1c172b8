package org.pcdguide.core.knowledge;

import java.util.List;

/**
 * A sourced number a fact needs (e.g. plasma VEGF 200 pg/mL), kept in the pack with its evidence.
 */
public record Threshold(
    String id, String comparator, double value, String unit, List<Evidence> evidence) {
  public Threshold {
    evidence = List.copyOf(evidence);
  }

  /** Whether {@code measured} (in {@link #unit}) satisfies the threshold. */
  public boolean test(double measured) {
    return switch (comparator) {
      case "gt" -> measured > value;
      case "gte" -> measured >= value;
      case "lt" -> measured < value;
      case "lte" -> measured <= value;
      default -> throw new IllegalStateException("unknown comparator " + comparator);
    };
  }

  public String describe() {
    String op =
        switch (comparator) {
          case "gt" -> ">";
          case "gte" -> ">=";
          case "lt" -> "<";
          default -> "<=";
        };
    return op + " " + format(value) + " " + unit;
  }

  static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
