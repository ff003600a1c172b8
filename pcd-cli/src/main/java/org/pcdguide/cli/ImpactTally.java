package org.pcdguide.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running counts of {@code pcd audit impact}: how many records were examined, unchanged,
 * changed and not replayable (by reason), and how many changes of each kind. Its size does not grow
 * with the number of records.
 */
final class ImpactTally {
  long examined;
  long unchanged;
  long changed;
  long notReplayable;
  final Map<String, Long> reasons = new TreeMap<>();
  final Map<ReportChange.Kind, Long> changes = new EnumMap<>(ReportChange.Kind.class);

  void add(ImpactOutcome outcome) {
    examined++;
    if (outcome instanceof ImpactOutcome.Changed c) {
      changed++;
      // a kind counts once per record: "headline changed: 3" is three patients
      c.changes().stream()
          .map(ReportChange::kind)
          .distinct()
          .forEach(k -> changes.merge(k, 1L, Long::sum));
    } else if (outcome instanceof ImpactOutcome.NotReplayable n) {
      notReplayable++;
      reasons.merge(n.reason(), 1L, Long::sum);
    } else {
      unchanged++;
    }
  }
}
