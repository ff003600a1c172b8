package org.pcdguide.cli;

import java.util.List;

/** What re-running one recorded call with a new pack found. */
sealed interface ImpactOutcome {
  /** The report a clinician reads is the same, field by field. */
  record Unchanged() implements ImpactOutcome {}

  /** The report changes; never empty. */
  record Changed(List<ReportChange> changes) implements ImpactOutcome {
    public Changed {
      changes = List.copyOf(changes);
      if (changes.isEmpty()) {
        throw new IllegalArgumentException("a changed record names at least one change");
      }
    }
  }

  /**
   * The record could not be compared: {@code reason} is the short, bounded wording the summary
   * groups by; {@code detail} says it for this record.
   */
  record NotReplayable(String reason, String detail) implements ImpactOutcome {}
}
