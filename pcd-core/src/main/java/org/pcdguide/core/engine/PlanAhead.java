package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.GuidanceEntry;
import org.pcdguide.core.knowledge.KnowledgePack;

/**
 * Plan ahead (issue 13, rule 9): guidance about the time after a procedure (reassess 3-6 months
 * after radiotherapy; do not delay systemic therapy if it has not stabilized the disease) is shown
 * while the procedure is recommended or proposed, not only once the history has it. Once the
 * history gives the procedure, the entry's own dated condition takes over and no plan is shown.
 */
final class PlanAhead {
  private PlanAhead() {}

  static List<Assessment.PlanItem> of(
      FactContext facts, List<String> assessed, List<Assessment.Recommendation> ranked) {
    KnowledgePack pack = facts.pack();
    TreatmentHistory history = new TreatmentHistory(facts.patientCase(), pack.vocabulary());
    Set<String> proposed = new LinkedHashSet<>();
    facts.patientCase().proposed().forEach(o -> proposed.addAll(history.agentsOf(o)));
    List<Assessment.PlanItem> plan = new ArrayList<>();
    for (DisorderModule m : pack.modules()) {
      if (!assessed.contains(m.file())) {
        continue;
      }
      for (Entry e : m.entries()) {
        if (!(e instanceof GuidanceEntry g) || g.planAfter().isEmpty()) {
          continue;
        }
        String procedure = g.planAfter().get();
        List<String> because = why(procedure, ranked, proposed, history);
        if (because.isEmpty()
            || history.gave(Set.of(procedure)).isPresent()
            || ConditionEvaluator.evaluate(m.gate(e.kind()), facts).truth() != Truth.TRUE) {
          continue;
        }
        plan.add(new Assessment.PlanItem(g, m.label(), 0, because, procedure));
      }
    }
    // in the order a clinician meets them: dated windows first (reassess at 3-6 months), then
    // what to do at that point (the pitfall), each group in pack order
    plan.sort(java.util.Comparator.comparingInt(i -> i.entry().window().isPresent() ? 0 : 1));
    List<Assessment.PlanItem> numbered = new ArrayList<>();
    for (Assessment.PlanItem i : plan) {
      numbered.add(i.withRank(numbered.size() + 1));
    }
    return numbered;
  }

  /** What recommends (the best-ranked option giving it) or proposes the procedure. */
  private static List<String> why(
      String procedure,
      List<Assessment.Recommendation> ranked,
      Set<String> proposed,
      TreatmentHistory history) {
    List<String> because = new ArrayList<>();
    for (Assessment.Recommendation r : ranked) {
      if (r.then().contains(procedure)
          || history.agents(r.entry().agents(), r.entry().regimen()).contains(procedure)) {
        because.add(procedure + " recommended (option " + r.rank() + ", " + r.entry().id() + ")");
        break;
      }
    }
    if (proposed.contains(procedure)) {
      because.add(procedure + " proposed");
    }
    return because;
  }
}
