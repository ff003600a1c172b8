package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.Condition;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;

/**
 * An entry whose condition hinges on an undecided fact (issue 14, rules 1 and 2): a stated
 * diagnosis passes the module's gate when only its criteria are undocumented, and an option whose
 * own condition is unknown is shown for its branch ("holds if ..."), naming the findings that
 * decide it, instead of being withheld.
 */
final class Undecided {
  private Undecided() {}

  /**
   * The entry's gate ({@link #gate}, for its kind) and condition together; a stated diagnosis has
   * passed an undecided gate.
   */
  static Outcome gated(Outcome gate, Entry e, FactContext facts) {
    if (gate.truth() == Truth.FALSE) {
      return gate;
    }
    Outcome when = ConditionEvaluator.evaluate(e.when(), facts);
    if (when.truth() == Truth.FALSE) {
      return when;
    }
    if (when == Outcome.TRUE) {
      return gate; // no condition of its own
    }
    List<String> because = new ArrayList<>(gate.because().size() + when.because().size());
    because.addAll(gate.because());
    because.addAll(when.because());
    List<Outcome.Gap> gaps = new ArrayList<>(gate.gaps());
    gaps.addAll(when.gaps());
    Truth truth = gate.truth() == Truth.TRUE ? when.truth() : Truth.UNKNOWN;
    // an undecided trace names each unknown fact once
    return new Outcome(
        truth, truth == Truth.UNKNOWN ? because.stream().distinct().toList() : because, gaps);
  }

  /**
   * When the gate holds and the entry's own condition is unknown: the branch it holds in ("holds if
   * poems.extent = disseminated; decided by bone-marrow-involvement").
   */
  static Optional<String> branch(Outcome gate, Entry e, FactContext facts) {
    if (gate.truth() != Truth.TRUE) {
      return Optional.empty();
    }
    Outcome when = ConditionEvaluator.evaluate(e.when(), facts);
    if (when.truth() != Truth.UNKNOWN) {
      return Optional.empty();
    }
    Set<String> decidedBy = new LinkedHashSet<>();
    for (Outcome.Gap g : when.gaps()) {
      decidedBy.add(g.finding().finding());
    }
    return Optional.of(
        "holds if " + residual(e.when(), facts) + "; decided by " + String.join(", ", decidedBy));
  }

  /** Both assumptions an option rests on, the branch first. */
  static Optional<String> join(Optional<String> branch, Optional<String> assumes) {
    if (branch.isEmpty()) {
      return assumes;
    }
    return Optional.of(branch.get() + assumes.map(a -> "; and " + a).orElse(""));
  }

  /**
   * A module's gate for entries of {@code kind}; a stated diagnosis passes undocumented criteria.
   */
  static Outcome gate(
      DisorderModule m,
      org.pcdguide.core.knowledge.EntryKind kind,
      boolean stated,
      FactContext facts) {
    Outcome gate = ConditionEvaluator.evaluate(m.gate(kind), facts);
    if (stated
        && gate.truth() == Truth.UNKNOWN
        && gate.gaps().stream().allMatch(g -> g.fact().equals(m.criteriaFact()))) {
      return new Outcome(
          Truth.TRUE,
          List.of(m.criteriaFact() + " = stated (label; criteria undocumented)"),
          List.of());
    }
    return gate;
  }

  /** The undecided part of a condition: true parts and false branches left out. */
  private static String residual(Condition c, FactContext facts) {
    if (c instanceof Condition.All all) {
      return parts(all.parts(), " and ", facts);
    }
    if (c instanceof Condition.Any any) {
      return parts(any.parts(), " or ", facts);
    }
    if (c instanceof Condition.Not not) {
      return "not (" + residual(not.part(), facts) + ")";
    }
    if (c instanceof Condition.Compare cmp) {
      List<String> values = cmp.values().stream().map(Undecided::value).toList();
      return switch (cmp.op()) {
        case "equals" -> cmp.fact() + " = " + values.get(0);
        case "in" -> cmp.fact() + " in [" + String.join(", ", values) + "]";
        case "gt" -> cmp.fact() + " > " + values.get(0);
        case "gte" -> cmp.fact() + " >= " + values.get(0);
        case "lt" -> cmp.fact() + " < " + values.get(0);
        case "lte" -> cmp.fact() + " <= " + values.get(0);
        default -> cmp.fact() + " " + cmp.op() + " " + values;
      };
    }
    return c.toString();
  }

  private static String value(Object v) {
    return v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString();
  }

  private static String parts(List<Condition> parts, String joiner, FactContext facts) {
    List<String> out = new ArrayList<>();
    for (Condition p : parts) {
      if (ConditionEvaluator.evaluate(p, facts).truth() == Truth.UNKNOWN) {
        String r = residual(p, facts);
        out.add(p instanceof Condition.Compare || p instanceof Condition.Not ? r : "(" + r + ")");
      }
    }
    return out.size() == 1 ? unwrap(out.get(0)) : String.join(joiner, out);
  }

  private static String unwrap(String s) {
    return s.startsWith("(") && s.endsWith(")") ? s.substring(1, s.length() - 1) : s;
  }
}
