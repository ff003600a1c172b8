package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One disorder's part of the pack: its scope, gates, sourced thresholds, entries, and the checks of
 * clinician flags against conditions its sources state.
 */
public record DisorderModule(
    String disorder,
    String label,
    String file,
    List<String> scopeDiagnoses,
    List<String> differentialOf,
    boolean whenUnlabelled,
    String criteriaFact,
    Optional<String> extentFact,
    Condition treatmentGate,
    Condition guidanceGate,
    Map<String, Threshold> thresholds,
    List<Entry> entries,
    List<SourceGap> gaps,
    Optional<String> misdiagnosisPitfall,
    List<FlagCheck> flagChecks) {

  public DisorderModule {
    scopeDiagnoses = List.copyOf(scopeDiagnoses);
    differentialOf = List.copyOf(differentialOf);
    thresholds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(thresholds));
    entries = List.copyOf(entries);
    gaps = List.copyOf(gaps);
    flagChecks = List.copyOf(flagChecks);
  }

  /** Where a source is incomplete: recorded and shown, never filled. */
  public record SourceGap(String section, String source, String locator, String statement) {}

  /** The gate implicitly added to an entry of {@code kind}. */
  public Condition gate(EntryKind kind) {
    if (kind == EntryKind.DIAGNOSTIC) {
      return Condition.ALWAYS;
    }
    return kind.treatment() ? treatmentGate : guidanceGate;
  }
}
