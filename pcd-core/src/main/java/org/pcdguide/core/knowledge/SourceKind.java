package org.pcdguide.core.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A source's design, as the reader must weigh it. */
public enum SourceKind {
  GUIDELINE,
  EXPERT_REVIEW,
  CONSENSUS_STATEMENT,
  SYSTEMATIC_REVIEW,
  NARRATIVE_REVIEW,
  RANDOMIZED_TRIAL,
  PROSPECTIVE_TRIAL,
  RETROSPECTIVE_SERIES,
  CASE_SERIES,
  CASE_REPORT,
  DIAGNOSTIC_ACCURACY,
  VETERINARY_STUDY,
  TRIAL_PROPOSAL,
  GENERATED_SUMMARY;

  /** The word the pack, the case format and every output use for this value. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<SourceKind> parse(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  /** Every word, in declaration order (for error messages). */
  public static List<String> words() {
    return Arrays.stream(values()).map(SourceKind::word).toList();
  }

  @Override
  public String toString() {
    return word();
  }
}
