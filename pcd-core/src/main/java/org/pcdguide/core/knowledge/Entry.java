package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * One knowledge entry: a stable id, its kind, the condition under which it applies, the statement,
 * its strength and evidence, and any disagreement between sources. Kind-specific fields are empty
 * where they do not apply.
 */
public record Entry(
    String id,
    EntryKind kind,
    String title,
    List<String> agents,
    Optional<String> regimen,
    Condition when,
    Optional<Condition> preferWhen,
    List<ThenStep> then,
    String statement,
    String strength,
    List<Evidence> evidence,
    List<Disagreement> disagreements,
    Optional<String> severity,
    boolean onlyWhenAlone,
    Optional<Criterion> criterion,
    Optional<String> item,
    Optional<String> schedule,
    Optional<Window> window,
    Optional<String> registry) {

  public Entry {
    agents = List.copyOf(agents);
    then = List.copyOf(then);
    evidence = List.copyOf(evidence);
    disagreements = List.copyOf(disagreements);
  }

  /** A follow-on step, e.g. ASCT after induction when the patient is eligible. */
  public record ThenStep(List<String> agents, Condition when) {
    public ThenStep {
      agents = List.copyOf(agents);
    }
  }

  /**
   * The fact a diagnostic entry documents and the group it counts in. A criterion that is not
   * {@code discriminating} (a monoclonal gammopathy shared by many disorders) does not by itself
   * make a case list the disorder as a differential.
   */
  public record Criterion(String fact, String group, boolean discriminating) {}

  /** A date window after an event, e.g. 3 to 6 months after radiotherapy ends. */
  public record Window(String after, int fromMonths, int toMonths) {}
}
