package org.pcdguide.core.knowledge;

import java.util.List;

/**
 * A clinician's flag set against a condition a source states (a module's {@code flag-checks}): when
 * the patient's flag holds ({@code flag}, e.g. transplant-eligible) and the source's condition
 * holds too ({@code when}, e.g. age over 50), while a recommended option gives one of {@code
 * agents}, the report shows a caution with the source's {@code statement}. Only conditions a source
 * states are checked; the clinician's judgement is questioned, never overruled.
 */
public record FlagCheck(
    String id,
    Condition flag,
    List<String> agents,
    Condition when,
    String statement,
    List<Evidence> evidence) {
  public FlagCheck {
    agents = List.copyOf(agents);
    evidence = List.copyOf(evidence);
  }
}
