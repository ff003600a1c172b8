package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.facts.MissingFinding;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.Condition;

/** Evaluates pack conditions over a case's facts with Kleene three-valued logic. */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  /**
   * The outcome of {@code condition}; computed once per assessment for each condition of the pack
   * (a module's gate is shared by all its entries), so a trace is built once.
   */
  static Outcome evaluate(Condition condition, FactContext facts) {
    if (condition instanceof Condition.Always) {
      return Outcome.TRUE;
    }
    Object kept = facts.memo(condition);
    if (kept != null) {
      return (Outcome) kept;
    }
    Outcome o = compute(condition, facts);
    facts.memo(condition, o);
    return o;
  }

  /** Both conditions, as {@code all: [first, second]} would be (a gate and an entry's own). */
  static Outcome both(Condition first, Condition second, FactContext facts) {
    Outcome a = evaluate(first, facts);
    if (a.truth() == Truth.FALSE) {
      return new Outcome(Truth.FALSE, a.because(), List.of());
    }
    Outcome b = evaluate(second, facts);
    if (b.truth() == Truth.FALSE) {
      return new Outcome(Truth.FALSE, b.because(), List.of());
    }
    return join(List.of(a, b));
  }

  private static Outcome compute(Condition condition, FactContext facts) {
    if (condition instanceof Condition.All all) {
      return all(all.parts(), facts);
    }
    if (condition instanceof Condition.Any any) {
      return any(any.parts(), facts);
    }
    if (condition instanceof Condition.Not not) {
      return not(evaluate(not.part(), facts));
    }
    if (condition instanceof Condition.IsUnknown u) {
      return isUnknown(u, facts);
    }
    if (condition instanceof Condition.Compare c) {
      return compare(c, facts);
    }
    return Outcome.TRUE;
  }

  private static Outcome all(List<Condition> parts, FactContext facts) {
    if (parts.size() == 1) {
      return evaluate(parts.get(0), facts);
    }
    Outcome[] outcomes = new Outcome[parts.size()];
    for (int i = 0; i < outcomes.length; i++) {
      Outcome o = evaluate(parts.get(i), facts);
      if (o.truth() == Truth.FALSE) {
        return o.gaps().isEmpty() ? o : new Outcome(Truth.FALSE, o.because(), List.of());
      }
      outcomes[i] = o;
    }
    return join(java.util.Arrays.asList(outcomes));
  }

  /** Every part true or unknown: unknown if one is, with every part's trace and gaps. */
  private static Outcome join(List<Outcome> outcomes) {
    boolean unknown = false;
    int because = 0;
    int gaps = 0;
    for (Outcome o : outcomes) {
      unknown |= o.truth() == Truth.UNKNOWN;
      because += o.because().size();
      gaps += o.gaps().size();
    }
    List<String> trace = new ArrayList<>(because);
    List<Outcome.Gap> gapList = gaps == 0 ? List.of() : new ArrayList<>(gaps);
    for (Outcome o : outcomes) {
      trace.addAll(o.because());
      if (!o.gaps().isEmpty()) {
        gapList.addAll(o.gaps());
      }
    }
    return new Outcome(unknown ? Truth.UNKNOWN : Truth.TRUE, trace, gapList);
  }

  /**
   * True when a branch is true; the trace then lists every satisfied branch, not only the first, so
   * that a clinician sees all the reasons an item applies (issue 13, rule 8).
   */
  private static Outcome any(List<Condition> parts, FactContext facts) {
    List<String> because = new ArrayList<>();
    List<String> satisfied = new ArrayList<>();
    List<Outcome.Gap> gaps = new ArrayList<>();
    boolean unknown = false;
    boolean anyTrue = false;
    for (Condition part : parts) {
      Outcome o = evaluate(part, facts);
      if (o.truth() == Truth.TRUE) {
        anyTrue = true;
        for (String b : o.because()) {
          if (!satisfied.contains(b)) {
            satisfied.add(b);
          }
        }
        continue;
      }
      if (anyTrue) {
        continue;
      }
      unknown |= o.truth() == Truth.UNKNOWN;
      because.addAll(o.because());
      gaps.addAll(o.gaps());
    }
    if (anyTrue) {
      return new Outcome(Truth.TRUE, satisfied, List.of());
    }
    return new Outcome(unknown ? Truth.UNKNOWN : Truth.FALSE, because, gaps);
  }

  private static Outcome not(Outcome o) {
    return new Outcome(o.truth().not(), o.because(), o.gaps());
  }

  private static Outcome isUnknown(Condition.IsUnknown u, FactContext facts) {
    FactValue v = facts.fact(u.fact());
    return new Outcome(Truth.of(!v.known()), List.of(facts.trace(u.fact())), List.of());
  }

  private static Outcome compare(Condition.Compare c, FactContext facts) {
    FactValue v = facts.fact(c.fact());
    if (v instanceof FactValue.Unknown u) {
      List<Outcome.Gap> gaps = new ArrayList<>();
      for (MissingFinding m : u.missing()) {
        gaps.add(new Outcome.Gap(c.fact(), m));
      }
      if (gaps.isEmpty()) {
        gaps.add(
            new Outcome.Gap(
                c.fact(), new MissingFinding(c.fact(), String.join("; ", u.because()))));
      }
      return new Outcome(Truth.UNKNOWN, List.of(c.fact() + " = unknown"), gaps);
    }
    Object value = ((FactValue.Known) v).value();
    boolean result = test(c, value);
    return new Outcome(Truth.of(result), List.of(facts.trace(c.fact())), List.of());
  }

  private static boolean test(Condition.Compare c, Object value) {
    switch (c.op()) {
      case "equals":
      case "in":
        for (Object expected : c.values()) {
          if (expected.equals(value)) {
            return true;
          }
        }
        return false;
      default:
        if (!(value instanceof Double d)) {
          return false;
        }
        double limit = (Double) c.values().get(0);
        return switch (c.op()) {
          case "gt" -> d > limit;
          case "gte" -> d >= limit;
          case "lt" -> d < limit;
          case "lte" -> d <= limit;
          default -> throw new IllegalStateException("unknown operator " + c.op());
        };
    }
  }
}
