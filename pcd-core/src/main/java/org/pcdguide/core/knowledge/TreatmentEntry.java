package org.pcdguide.core.knowledge;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A treatment option (first-line, alternative, conditional, second-line, investigational,
 * supportive): the agents or regimen it gives, when it is preferred, what follows it, and the
 * treatment phases it applies to.
 */
public record TreatmentEntry(
    Basis basis,
    List<String> agents,
    Optional<String> regimen,
    Optional<Condition> preferWhen,
    List<Entry.ThenStep> then,
    Set<TreatmentPhase> phases)
    implements Entry {
  public TreatmentEntry {
    agents = List.copyOf(agents);
    then = List.copyOf(then);
    phases =
        phases.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(TreatmentPhase.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(phases));
  }

  /** Whether the option applies in {@code phase} (the phases it declares). */
  public boolean appliesIn(TreatmentPhase phase) {
    return phases.contains(phase);
  }
}
