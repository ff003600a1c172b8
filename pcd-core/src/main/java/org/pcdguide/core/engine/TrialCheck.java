package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.TrialEntry;

/** Whether the patient looks eligible for a trial, and which findings would decide it. */
final class TrialCheck {
  private TrialCheck() {}

  /** A trial is listed once its module applies; its condition is the eligibility. */
  static Optional<Assessment.Trial> of(
      DisorderModule m, TrialEntry e, FactContext facts, MissingDataList missing) {
    if (ConditionEvaluator.evaluate(m.gate(e.kind()), facts).truth() != Truth.TRUE) {
      return Optional.empty();
    }
    Outcome o = ConditionEvaluator.evaluate(e.when(), facts);
    Eligibility eligible =
        switch (o.truth()) {
          case TRUE -> Eligibility.YES;
          case FALSE -> Eligibility.NO;
          case UNKNOWN -> Eligibility.UNKNOWN;
        };
    List<String> missingFindings = new ArrayList<>();
    for (Outcome.Gap g : o.gaps()) {
      if (!missingFindings.contains(g.finding().finding())) {
        missingFindings.add(g.finding().finding());
      }
    }
    missing.add(o, e.id());
    return Optional.of(new Assessment.Trial(e, m.label(), eligible, o.because(), missingFindings));
  }
}
