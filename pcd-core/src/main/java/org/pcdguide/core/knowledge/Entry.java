package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * One knowledge entry: a stable id, its kind, the condition under which it applies, the statement,
 * its strength and evidence, and any disagreement between sources ({@link Basis}, common to every
 * kind), plus what its kind needs: a treatment its agents, preference and follow-on steps; an agent
 * to avoid its severity; guidance its item, schedule or window; a diagnostic entry its criterion; a
 * trial its registry; a screening rule the finding it flags.
 */
public sealed interface Entry
    permits TreatmentEntry, AvoidEntry, GuidanceEntry, DiagnosticEntry, TrialEntry, ScreeningRule {

  Basis basis();

  default String id() {
    return basis().id();
  }

  default EntryKind kind() {
    return basis().kind();
  }

  default String title() {
    return basis().title();
  }

  default Condition when() {
    return basis().when();
  }

  default String statement() {
    return basis().statement();
  }

  default Strength strength() {
    return basis().strength();
  }

  default List<Evidence> evidence() {
    return basis().evidence();
  }

  default List<Disagreement> disagreements() {
    return basis().disagreements();
  }

  /** The agents an entry names (treatments, agents to avoid, some guidance); none otherwise. */
  default List<String> agents() {
    return List.of();
  }

  /** The regimen an entry names, if any. */
  default Optional<String> regimen() {
    return Optional.empty();
  }

  /** What a reader sees as the entry's name: its title, or its statement when it has none. */
  default String heading() {
    return title().isEmpty() ? statement() : title();
  }

  /** What every entry has, whatever its kind. */
  record Basis(
      String id,
      EntryKind kind,
      String title,
      Condition when,
      String statement,
      Strength strength,
      List<Evidence> evidence,
      List<Disagreement> disagreements) {
    public Basis {
      evidence = List.copyOf(evidence);
      disagreements = List.copyOf(disagreements);
    }
  }

  /** A follow-on step, e.g. ASCT after induction when the patient is eligible. */
  record ThenStep(List<String> agents, Condition when) {
    public ThenStep {
      agents = List.copyOf(agents);
    }
  }

  /**
   * The fact a diagnostic entry documents and the group it counts in. A criterion that is not
   * {@code discriminating} (a monoclonal gammopathy shared by many disorders) does not by itself
   * make a case list the disorder as a differential.
   */
  record Criterion(String fact, String group, boolean discriminating) {}

  /** A date window after an event, e.g. 3 to 6 months after radiotherapy ends. */
  record Window(String after, int fromMonths, int toMonths) {}
}
