package org.pcdguide.core.engine;

import java.util.List;
import org.pcdguide.core.facts.MissingFinding;
import org.pcdguide.core.facts.Truth;

/**
 * The result of evaluating a condition: its truth, the facts that made it so (the "because" trace),
 * and, when unknown, which unknown facts it hinged on and what would decide them.
 */
record Outcome(Truth truth, List<String> because, List<Gap> gaps) {
  Outcome {
    because = List.copyOf(because);
    gaps = List.copyOf(gaps);
  }

  /** An unknown fact and the finding that would decide it. */
  record Gap(String fact, MissingFinding finding) {}

  static final Outcome TRUE = new Outcome(Truth.TRUE, List.of(), List.of());
}
