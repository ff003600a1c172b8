package org.pcdguide.core.knowledge;

import java.util.List;

/** A declarative condition over named facts (see docs/knowledge-format.md). */
public sealed interface Condition {

  /** Always true: an entry without {@code when}. */
  record Always() implements Condition {}

  /** Every part true. */
  record All(List<Condition> parts) implements Condition {
    public All {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part true. */
  record Any(List<Condition> parts) implements Condition {
    public Any {
      parts = List.copyOf(parts);
    }
  }

  /** Negation; unknown stays unknown. */
  record Not(Condition part) implements Condition {}

  /** A comparison of one fact with literal values ({@code equals}, {@code in}, {@code gt}...). */
  record Compare(String fact, String op, List<Object> values) implements Condition {
    public Compare {
      values = List.copyOf(values);
    }
  }

  /** True when the fact is unknown; never itself unknown. */
  record IsUnknown(String fact) implements Condition {}

  Condition ALWAYS = new Always();
}
