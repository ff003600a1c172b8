package org.pcdguide.core.facts;

import java.util.ArrayList;
import java.util.List;
import org.pcdguide.core.knowledge.CriteriaDeclaration;

/**
 * A disorder's criteria fact (e.g. {@code poems.criteria}), evaluated from the criteria its pack
 * module declares ({@code criterion: {fact, group}}): the one declaration the report displays is
 * the one the decision uses. The rule: every {@code mandatory} criterion, at least one {@code
 * major} and at least one {@code minor} criterion where the module declares those groups.
 */
final class DeclaredCriteria {
  private DeclaredCriteria() {}

  static FactValue evaluate(FactContext ctx, String criteriaFact) {
    CriteriaDeclaration declared = CriteriaDeclaration.of(ctx.pack(), criteriaFact);
    if (declared.allRequired()) {
      // all criteria required: the trace is the criteria's own
      return Kleene.criteria(declared.mandatory().stream().map(ctx::fact).toList());
    }
    return counted(ctx, declared.mandatory(), declared.major(), declared.minor());
  }

  /** Mandatory criteria, then at-least-one groups, traced group by group. */
  private static FactValue counted(
      FactContext ctx, List<String> mandatory, List<String> major, List<String> minor) {
    List<String> because = new ArrayList<>();
    List<MissingFinding> missing = new ArrayList<>();
    boolean mandatoryUnknown = false;
    for (String name : mandatory) {
      FactValue v = ctx.fact(name);
      if (v.is(Boolean.FALSE)) {
        return FactValue.of("not-met", "mandatory " + shortName(name) + " not met");
      }
      if (v instanceof FactValue.Unknown u) {
        mandatoryUnknown = true;
        missing.addAll(u.missing());
      }
      because.add("mandatory " + shortName(name) + " " + word(v));
    }
    List<FactValue> atLeastOne = new ArrayList<>();
    if (!major.isEmpty()) {
      atLeastOne.add(group(ctx, major, "major", because));
    }
    if (!minor.isEmpty()) {
      atLeastOne.add(group(ctx, minor, "minor", because));
    }
    if (atLeastOne.stream().anyMatch(g -> g.is(Boolean.FALSE))) {
      return new FactValue.Known("not-met", because);
    }
    if (!mandatoryUnknown && atLeastOne.stream().allMatch(g -> g.is(Boolean.TRUE))) {
      return new FactValue.Known("met", because);
    }
    for (FactValue g : atLeastOne) {
      if (g instanceof FactValue.Unknown u) {
        missing.addAll(u.missing());
      }
    }
    return new FactValue.Unknown(because, missing);
  }

  private static FactValue group(
      FactContext ctx, List<String> names, String label, List<String> because) {
    List<FactValue> values = new ArrayList<>();
    List<String> met = new ArrayList<>();
    for (String name : names) {
      FactValue v = ctx.fact(name);
      values.add(v);
      if (v.is(Boolean.TRUE)) {
        met.add(shortName(name));
      }
    }
    FactValue any = Kleene.any(values);
    because.add(
        label
            + ": "
            + (met.isEmpty()
                ? (any.known() ? "none met" : "none met yet")
                : String.join(", ", met) + " met"));
    return any;
  }

  /** {@code poems.criterion.papilledema} reads as {@code papilledema} in the trace. */
  private static String shortName(String fact) {
    int at = fact.indexOf(".criterion.");
    return at < 0 ? fact : fact.substring(at + ".criterion.".length());
  }

  private static String word(FactValue v) {
    return v.is(Boolean.TRUE) ? "met" : v.known() ? "not met" : "unknown";
  }
}
