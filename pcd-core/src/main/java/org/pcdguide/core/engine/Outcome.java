package org.pcdguide.core.engine;

import java.util.List;
import org.pcdguide.core.facts.MissingFinding;
import org.pcdguide.core.facts.Truth;

/**
 * The result of evaluating a condition: its truth, the facts that made it so (the "because" trace),
 * and, when unknown, which unknown facts it hinged on and what would decide them.
 */
record Outcome(Truth truth, List<String> because, List<Gap> gaps) {
  /**
   * An {@code ArrayList} passed in is handed over (the evaluator builds each trace once and never
   * touches it again), so it is wrapped read-only rather than copied; any other list is copied.
   */
  Outcome {
    because = frozen(because);
    gaps = frozen(gaps);
  }

  private static <T> List<T> frozen(List<T> list) {
    return list instanceof java.util.ArrayList<T>
        ? java.util.Collections.unmodifiableList(list)
        : List.copyOf(list);
  }

  /** An unknown fact and the finding that would decide it. */
  record Gap(String fact, MissingFinding finding) {}

  static final Outcome TRUE = new Outcome(Truth.TRUE, List.of(), List.of());
}
