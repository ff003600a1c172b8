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

  /** Every fact the condition names, in order of appearance. */
  default java.util.Set<String> facts() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  private static void collect(Condition c, java.util.Set<String> out) {
    if (c instanceof All a) {
      a.parts().forEach(p -> collect(p, out));
    } else if (c instanceof Any a) {
      a.parts().forEach(p -> collect(p, out));
    } else if (c instanceof Not n) {
      collect(n.part(), out);
    } else if (c instanceof IsUnknown u) {
      out.add(u.fact());
    } else if (c instanceof Compare cmp) {
      out.add(cmp.fact());
    }
  }
}
