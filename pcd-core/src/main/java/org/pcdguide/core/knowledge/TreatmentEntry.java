package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A treatment option (first-line, alternative, conditional, second-line, investigational,
 * supportive): the agents or regimen it gives, when it is preferred, and what follows it.
 */
public record TreatmentEntry(
    Basis basis,
    List<String> agents,
    Optional<String> regimen,
    Optional<Condition> preferWhen,
    List<Entry.ThenStep> then)
    implements Entry {
  public TreatmentEntry {
    agents = List.copyOf(agents);
    then = List.copyOf(then);
  }
}
