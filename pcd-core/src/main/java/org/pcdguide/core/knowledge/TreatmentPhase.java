package org.pcdguide.core.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a patient is in their anti-plasma-cell treatment (the fact {@code therapy.phase}, derived
 * from the dated history by {@code facts.TherapyPhase}); every treatment option of the pack
 * declares the phases it applies to.
 */
public enum TreatmentPhase {
  /** No disease-directed systemic therapy or transplant in the history. */
  UNTREATED,
  /** A disease-directed therapy started and has not ended, with no response stated. */
  ON_THERAPY,
  /**
   * The latest disease-directed therapy reached a complete, very good partial or partial response.
   */
  IN_RESPONSE,
  /**
   * The latest disease-directed therapy ended with stable disease or was stopped for intolerance.
   */
  AFTER_THERAPY,
  /** The disease progressed after or on the latest disease-directed therapy. */
  RELAPSED,
  /** The latest disease-directed therapy was refractory or did not stabilize the disease. */
  REFRACTORY;

  /** The word the pack, the case format and every output use for this value. */
  public String word() {
    return word;
  }

  public static Optional<TreatmentPhase> parse(String word) {
    return word == null ? Optional.empty() : Optional.ofNullable(BY_WORD.get(word));
  }

  private final String word = name().toLowerCase(Locale.ROOT).replace('_', '-');

  private static final java.util.Map<String, TreatmentPhase> BY_WORD =
      Arrays.stream(values())
          .collect(java.util.stream.Collectors.toUnmodifiableMap(TreatmentPhase::word, p -> p));

  /** Every word, in declaration order (for error messages and the fact's values). */
  public static List<String> words() {
    return Arrays.stream(values()).map(TreatmentPhase::word).toList();
  }

  @Override
  public String toString() {
    return word();
  }
}
