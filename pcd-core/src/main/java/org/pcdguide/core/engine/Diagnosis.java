package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.EntryKind;

/** The diagnosis check of a module: its criteria fact, criterion by criterion. */
final class Diagnosis {
  private Diagnosis() {}

  static Assessment.DiagnosisCheck check(DisorderModule m, FactContext facts) {
    FactValue criteria = facts.fact(m.criteriaFact());
    String status =
        criteria.is("met")
            ? "criteria-met"
            : criteria.is("not-met") ? "criteria-not-met" : "insufficient-data";
    List<Assessment.CriterionResult> results = new ArrayList<>();
    Optional<Entry> rule = Optional.empty();
    for (Entry e : m.entries()) {
      if (e.kind() != EntryKind.DIAGNOSTIC) {
        continue;
      }
      if (e.criterion().isEmpty()) {
        rule = rule.or(() -> Optional.of(e));
        continue;
      }
      FactValue v = facts.fact(e.criterion().get().fact());
      Optional<Boolean> met =
          v instanceof FactValue.Known k && k.value() instanceof Boolean b
              ? Optional.of(b)
              : Optional.empty();
      results.add(new Assessment.CriterionResult(e, met, v.because()));
    }
    return new Assessment.DiagnosisCheck(m.disorder(), status, results, criteria.because(), rule);
  }

  /** Whether the findings speak for the disorder: criteria met, or not excluded with one met. */
  static boolean supported(Assessment.DiagnosisCheck check) {
    return check.status().equals("criteria-met")
        || (check.status().equals("insufficient-data")
            && check.criteria().stream()
                .anyMatch(
                    c -> c.met().orElse(false) && c.entry().criterion().get().discriminating()));
  }

  static Assessment.Differential differential(
      DisorderModule m, Assessment.DiagnosisCheck check, Optional<String> label) {
    String labelled = label.map(l -> "the case is labelled " + l).orElse("the case has no label");
    List<String> met = new ArrayList<>();
    for (Assessment.CriterionResult r : check.criteria()) {
      if (r.met().orElse(false)) {
        met.add(r.entry().title());
      }
    }
    String statement =
        check.status().equals("criteria-met")
            ? "The findings meet the " + m.label() + " criteria (" + labelled + ")."
            : "The "
                + m.label()
                + " criteria are not excluded ("
                + labelled
                + "); met so far: "
                + String.join("; ", met)
                + ". The missing data below decide it.";
    return new Assessment.Differential(m.disorder(), check.status(), statement, check.rule());
  }
}
