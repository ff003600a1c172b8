package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.Source;
import org.pcdguide.core.knowledge.SourceKind;
import org.pcdguide.core.knowledge.Support;

/**
 * A verdict on every proposed order: the option it matches (a regimen before its single agents),
 * whether that option's support is weak, the agents to avoid it hits, and what the history says of
 * its agents; an order nothing speaks to is "unchecked", never passed over in silence.
 */
final class OrderVerdicts {
  private final KnowledgePack pack;
  private final TreatmentHistory history;
  private final org.pcdguide.core.facts.FactContext facts;

  OrderVerdicts(
      KnowledgePack pack, TreatmentHistory history, org.pcdguide.core.facts.FactContext facts) {
    this.pack = pack;
    this.history = history;
    this.facts = facts;
  }

  Assessment.ProposedOrder of(
      String order,
      List<Assessment.Recommendation> ranked,
      List<Assessment.AvoidItem> avoid,
      List<Warning> warnings,
      OrderHolds holds) {
    Set<String> agents = history.agentsOf(order);
    List<Assessment.Verdict> verdicts = new ArrayList<>();
    option(order, agents, ranked, verdicts);
    for (Assessment.AvoidItem a : avoid) {
      if (a.proposed().stream().anyMatch(agents::contains)) {
        verdicts.add(verdict(VerdictKind.HITS_AVOID, a.entry().id(), 0, a.severity()));
      }
    }
    for (Warning w : warnings) {
      if (w instanceof Warning.ProposedMayConflict p
          && p.agents().stream().anyMatch(agents::contains)) {
        verdicts.add(
            new Assessment.Verdict(
                VerdictKind.MAY_HIT_AVOID,
                Optional.of(p.entry().id()),
                0,
                Optional.of(Severity.CAUTION),
                List.of()));
      }
    }
    for (Warning w : warnings) {
      if (w instanceof Warning.ProposedClassUnsourced u) {
        List<String> unsourced = u.agents().stream().filter(agents::contains).toList();
        boolean hit =
            verdicts.stream()
                .anyMatch(
                    d ->
                        d.kind() == VerdictKind.HITS_AVOID
                            && d.entry().equals(Optional.of(u.entry().id())));
        if (!unsourced.isEmpty() && !hit) {
          verdicts.add(
              new Assessment.Verdict(
                  VerdictKind.MAY_HIT_AVOID,
                  Optional.of(u.entry().id()),
                  0,
                  Optional.of(u.entry().severity()),
                  List.of(
                      "the pack has no source on the "
                          + u.attribute()
                          + " of "
                          + String.join(", ", unsourced))));
        }
      }
    }
    Optional<Therapy> failed = history.failed(agents);
    if (failed.isPresent()) {
      boolean intolerant = failed.get().response().orElse("").equals(TreatmentHistory.INTOLERANT);
      verdicts.add(
          new Assessment.Verdict(
              intolerant ? VerdictKind.NOT_TOLERATED : VerdictKind.FAILED_BEFORE,
              Optional.empty(),
              0,
              Optional.of(Severity.WARNING),
              List.of(TreatmentHistory.describe(failed.get()))));
    } else {
      history
          .gave(agents)
          .ifPresent(
              t ->
                  verdicts.add(
                      new Assessment.Verdict(
                          VerdictKind.GIVEN_BEFORE,
                          Optional.empty(),
                          0,
                          Optional.empty(),
                          List.of(TreatmentHistory.describe(t)))));
    }
    verdicts.addAll(holds.of(agents));
    verdicts.addAll(ModuleConflicts.verdicts(order, agents, warnings, facts));
    if (verdicts.isEmpty()) {
      verdicts.add(
          new Assessment.Verdict(
              VerdictKind.UNCHECKED, Optional.empty(), 0, Optional.empty(), List.of()));
    }
    return new Assessment.ProposedOrder(order, verdicts);
  }

  /** Whether the option, its regimen or a follow-on step gives every one of {@code agents}. */
  private boolean gives(Assessment.Recommendation r, Set<String> agents) {
    Set<String> option = history.agents(r.entry().agents(), r.entry().regimen());
    for (String a : agents) {
      if (!option.contains(a)
          && r.then().stream().noneMatch(t -> history.agentsOf(t).contains(a))) {
        return false;
      }
    }
    return true;
  }

  /** The best-ranked option the order is (regimen, agents or follow-on), else one it is part of. */
  private void option(
      String order,
      Set<String> agents,
      List<Assessment.Recommendation> ranked,
      List<Assessment.Verdict> verdicts) {
    Assessment.Recommendation match = null;
    VerdictKind kind = VerdictKind.MATCHES_OPTION;
    for (Assessment.Recommendation r : ranked) {
      Set<String> option = history.agents(r.entry().agents(), r.entry().regimen());
      if (r.entry().regimen().map(order::equals).orElse(false)
          || r.then().contains(order)
          || option.equals(agents)) {
        match = r;
        break;
      }
    }
    if (match == null) {
      kind = VerdictKind.PART_OF_OPTION;
      for (Assessment.Recommendation r : ranked) {
        if (!agents.isEmpty() && gives(r, agents)) {
          match = r;
          break;
        }
      }
    }
    if (match == null) {
      return;
    }
    verdicts.add(verdict(kind, match.entry().id(), match.rank(), null));
    List<String> weak = weakSupport(match);
    if (!weak.isEmpty()) {
      verdicts.add(
          new Assessment.Verdict(
              VerdictKind.WEAKLY_SUPPORTED,
              Optional.of(match.entry().id()),
              match.rank(),
              Optional.of(Severity.WARNING),
              weak));
    }
  }

  /** Why an option's support is weak for this setting: its evidence labels, or investigational. */
  private List<String> weakSupport(Assessment.Recommendation r) {
    Set<String> why = new java.util.LinkedHashSet<>();
    if (r.entry().kind() == EntryKind.INVESTIGATIONAL) {
      why.add("investigational option");
    }
    r.entry()
        .evidence()
        .forEach(
            ev -> {
              Source s = pack.source(ev.source());
              if (!s.human()) {
                why.addAll(s.labels());
              }
              if (s.kind() == SourceKind.TRIAL_PROPOSAL) {
                why.add("proposal without results");
              }
            });
    if (Support.allUnsupported(r.entry())) {
      why.add("unsupported by a located source");
    }
    return List.copyOf(why);
  }

  private static Assessment.Verdict verdict(
      VerdictKind kind, String entry, int rank, Severity severity) {
    return new Assessment.Verdict(
        kind, Optional.of(entry), rank, Optional.ofNullable(severity), List.of());
  }
}
