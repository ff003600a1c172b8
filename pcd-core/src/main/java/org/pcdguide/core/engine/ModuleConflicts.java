package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Issue 13 rule 5: modules do not contradict each other silently. When an option of one assessed
 * module gives an agent that an applicable avoid entry of another assessed module names, the avoid
 * entry holds until the clinician decides (docs/guideline-interpretations.md): the option leaves
 * the ranked list for "not offered" ({@code CONFLICT}) and a critical {@link
 * Warning.ModuleConflict} names both entries. When the other disorder is only an open differential
 * (criteria not yet decided), its avoid entries are not in force: the option stays ranked and a
 * caution names the possible conflict and the criteria that decide it.
 */
final class ModuleConflicts {
  private ModuleConflicts() {}

  /**
   * The ranked options less those in conflict (renumbered); warnings and not-offered in {@code
   * out}.
   */
  static List<Assessment.Recommendation> resolve(
      List<Assessment.Recommendation> ranked,
      List<Assessment.Differential> differential,
      FactContext facts,
      Sections out) {
    List<Assessment.Recommendation> kept = new ArrayList<>();
    List<Assessment.AvoidItem> avoid = out.avoid();
    boolean open = differential.stream().anyMatch(d -> d.status() != DiagnosisStatus.CRITERIA_MET);
    Set<String> modules = new java.util.HashSet<>();
    ranked.forEach(r -> modules.add(r.module()));
    avoid.forEach(a -> modules.add(a.module()));
    if (!open && modules.size() < 2) {
      return ranked; // one module (the usual case): nothing to contradict
    }
    for (Assessment.Recommendation r : ranked) {
      Optional<Warning.ModuleConflict> conflict = Optional.empty();
      for (Assessment.AvoidItem a : avoid) {
        if (!a.module().equals(r.module())) {
          conflict = conflict.or(() -> of(r, a.entry(), a.module(), true, facts.pack()));
        }
      }
      if (conflict.isPresent()) {
        out.warn(conflict.get());
        out.notOffered()
            .add(
                new Assessment.NotOffered(
                    r.entry(),
                    r.module(),
                    Assessment.NotOffered.Why.CONFLICT,
                    Optional.empty(),
                    conflict.get().avoid().id()));
        continue;
      }
      possible(r, differential, facts).ifPresent(out::warn);
      kept.add(r.withRank(kept.size() + 1));
    }
    return kept;
  }

  /** An avoid entry of an open differential that would name the option's agents. */
  private static Optional<Warning.ModuleConflict> possible(
      Assessment.Recommendation r, List<Assessment.Differential> differential, FactContext facts) {
    for (Assessment.Differential d : differential) {
      if (d.status() == DiagnosisStatus.CRITERIA_MET) {
        continue;
      }
      for (DisorderModule m : facts.pack().modules()) {
        if (!m.disorder().equals(d.disorder())) {
          continue;
        }
        for (Entry e : m.entries()) {
          if (e instanceof AvoidEntry a
              && ConditionEvaluator.both(m.gate(e.kind()), e.when(), facts).truth()
                  != Truth.FALSE) {
            Optional<Warning.ModuleConflict> c = of(r, a, m.label(), false, facts.pack());
            if (c.isPresent()) {
              return c;
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Warning.ModuleConflict> of(
      Assessment.Recommendation r,
      AvoidEntry a,
      String module,
      boolean certain,
      KnowledgePack pack) {
    Vocabulary v = pack.vocabulary();
    Set<String> option = AgentSets.of(v).of(r.entry().agents(), r.entry().regimen());
    Set<String> named = ProposedOrders.named(a, pack);
    List<String> shared = option.stream().filter(named::contains).toList();
    boolean otherSystemic =
        option.stream()
            .filter(x -> !named.contains(x))
            .anyMatch(x -> v.agents().containsKey(x) && v.agents().get(x).systemic());
    if (shared.isEmpty() || (a.onlyWhenAlone() && otherSystemic)) {
      return Optional.empty();
    }
    return Optional.of(
        new Warning.ModuleConflict(r.entry(), r.module(), a, module, shared, certain));
  }

  /**
   * The verdicts of rules 5 and 6 on one proposed order: it gives an agent of an option in module
   * conflict ({@code module-conflict}, critical), or it is a disease-directed option of a module
   * whose label the findings contradict ({@code label-contradicted}, critical).
   */
  static List<Assessment.Verdict> verdicts(
      String order, Set<String> agents, List<Warning> warnings, FactContext facts) {
    List<Assessment.Verdict> out = new ArrayList<>();
    for (Warning w : warnings) {
      if (w instanceof Warning.ModuleConflict c && c.agents().stream().anyMatch(agents::contains)) {
        out.add(conflict(c));
      } else if (w instanceof Warning.LabelNotSupported l) {
        LabelOptions.directed(order, agents, l.disorder(), facts.pack())
            .ifPresent(
                id ->
                    out.add(
                        verdict(
                            VerdictKind.LABEL_CONTRADICTED,
                            id,
                            Severity.CRITICAL,
                            List.of(
                                "labelled "
                                    + l.caseLabel()
                                    + "; "
                                    + String.join("; ", l.because())))));
      }
    }
    return out;
  }

  private static Assessment.Verdict conflict(Warning.ModuleConflict c) {
    if (!c.certain()) {
      // the other disorder is an open differential: like an avoid entry still undecided
      return verdict(VerdictKind.MAY_HIT_AVOID, c.avoid().id(), Severity.CAUTION, List.of());
    }
    return verdict(
        VerdictKind.MODULE_CONFLICT,
        c.option().id(),
        Severity.CRITICAL,
        List.of(
            c.option().id() + " (" + c.optionModule() + ") recommends it",
            c.avoid().id() + " (" + c.avoidModule() + ") says to avoid it"));
  }

  private static Assessment.Verdict verdict(
      VerdictKind kind, String entry, Severity severity, List<String> because) {
    return new Assessment.Verdict(kind, Optional.of(entry), 0, Optional.of(severity), because);
  }
}
