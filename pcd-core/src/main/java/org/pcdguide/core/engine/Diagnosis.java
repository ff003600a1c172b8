package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.DiagnosticEntry;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;

/** The diagnosis check of a module: its criteria fact, criterion by criterion. */
final class Diagnosis {
  private Diagnosis() {}

  static Assessment.DiagnosisCheck check(DisorderModule m, FactContext facts) {
    FactValue criteria = facts.fact(m.criteriaFact());
    DiagnosisStatus status =
        criteria.is("met")
            ? DiagnosisStatus.CRITERIA_MET
            : criteria.is("not-met")
                ? DiagnosisStatus.CRITERIA_NOT_MET
                : DiagnosisStatus.INSUFFICIENT_DATA;
    List<Assessment.CriterionResult> results = new ArrayList<>();
    Optional<DiagnosticEntry> rule = Optional.empty();
    for (Entry e : m.entries()) {
      if (!(e instanceof DiagnosticEntry d)) {
        continue;
      }
      if (d.criterion().isEmpty()) {
        rule = rule.or(() -> Optional.of(d));
        continue;
      }
      FactValue v = facts.fact(d.criterion().get().fact());
      Truth met =
          v instanceof FactValue.Known k && k.value() instanceof Boolean b
              ? Truth.of(b)
              : Truth.UNKNOWN;
      results.add(new Assessment.CriterionResult(d, met, v.because()));
    }
    return new Assessment.DiagnosisCheck(m.disorder(), status, results, criteria.because(), rule);
  }

  /**
   * The check of a disorder the case states (label or confirmed/provisional Condition): criteria
   * merely undocumented make the stated diagnosis the working one ({@code STATED}); a documented
   * finding that contradicts them keeps {@code CRITERIA_NOT_MET} (issue 14, rule 1).
   */
  static Assessment.DiagnosisCheck stated(Assessment.DiagnosisCheck check) {
    if (check.status() != DiagnosisStatus.INSUFFICIENT_DATA) {
      return check;
    }
    return new Assessment.DiagnosisCheck(
        check.disorder(), DiagnosisStatus.STATED, check.criteria(), check.because(), check.rule());
  }

  /**
   * The criteria whose documentation would decide the diagnosis: unknown criteria that are
   * mandatory (or all required), or in an at-least-one group none of whose members is met yet.
   */
  static List<String> undocumented(Assessment.DiagnosisCheck check) {
    java.util.Set<String> satisfied = new java.util.HashSet<>();
    for (Assessment.CriterionResult r : check.criteria()) {
      if (r.met() == Truth.TRUE) {
        satisfied.add(r.group());
      }
    }
    List<String> out = new ArrayList<>();
    for (Assessment.CriterionResult r : check.criteria()) {
      boolean mandatory = r.group().equals("mandatory") || r.group().isEmpty();
      if (r.met() == Truth.UNKNOWN && (mandatory || !satisfied.contains(r.group()))) {
        out.add(r.entry().title());
      }
    }
    return out;
  }

  /** Whether the findings speak for the disorder: criteria met, or not excluded with one met. */
  static boolean supported(Assessment.DiagnosisCheck check) {
    return check.status() == DiagnosisStatus.CRITERIA_MET
        || (check.status() == DiagnosisStatus.INSUFFICIENT_DATA
            && check.criteria().stream()
                .anyMatch(
                    c ->
                        c.met() == Truth.TRUE
                            && c.entry()
                                .criterion()
                                .map(Entry.Criterion::discriminating)
                                .orElse(false)));
  }

  static Assessment.Differential differential(
      DisorderModule m, Assessment.DiagnosisCheck check, Optional<String> label) {
    List<String> met = new ArrayList<>();
    for (Assessment.CriterionResult r : check.criteria()) {
      if (r.met() == Truth.TRUE) {
        met.add(r.entry().title());
      }
    }
    return new Assessment.Differential(
        m.disorder(), m.label(), check.status(), label, met, check.rule());
  }
}
