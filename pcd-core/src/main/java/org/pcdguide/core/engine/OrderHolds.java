package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.GuidanceEntry;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.Strength;

/**
 * The verdicts on a proposed order that come from outside the treatment and avoid entries: a
 * screening rule that holds it until an evaluation is done (evaluate-first), and a do-not pitfall
 * that applies and names its agents (against-pitfall: a repeat radiotherapy after radiotherapy has
 * not stabilized the disease delays the systemic therapy the pitfall asks for).
 */
final class OrderHolds {
  private final List<Assessment.ScreeningFinding> screening;
  private final List<Assessment.GuidanceItem> pitfalls;
  private final ProposedOrders proposed;

  OrderHolds(
      List<Assessment.ScreeningFinding> screening,
      List<Assessment.GuidanceItem> pitfalls,
      ProposedOrders proposed) {
    this.screening = screening;
    this.pitfalls = pitfalls;
    this.proposed = proposed;
  }

  List<Assessment.Verdict> of(Set<String> agents) {
    List<Assessment.Verdict> verdicts = new ArrayList<>();
    for (Assessment.ScreeningFinding f : screening) {
      if (f.holds().stream().anyMatch(agents::contains)) {
        verdicts.add(verdict(VerdictKind.EVALUATE_FIRST, f.entry().id(), f.because()));
      }
    }
    for (Assessment.GuidanceItem p : pitfalls) {
      GuidanceEntry g = p.entry();
      if (g.kind() == EntryKind.PITFALL
          && g.strength() == Strength.DO_NOT
          && proposed.hits(g.agents(), Optional.empty(), g.onlyWhenAlone()).stream()
              .anyMatch(agents::contains)) {
        verdicts.add(verdict(VerdictKind.AGAINST_PITFALL, g.id(), p.because()));
      }
    }
    return verdicts;
  }

  private static Assessment.Verdict verdict(VerdictKind kind, String entry, List<String> because) {
    return new Assessment.Verdict(
        kind, Optional.of(entry), 0, Optional.of(Severity.WARNING), because);
  }
}
