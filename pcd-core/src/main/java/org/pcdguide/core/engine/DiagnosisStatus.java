package org.pcdguide.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a disorder's diagnostic criteria stand for this patient. */
public enum DiagnosisStatus {
  CRITERIA_MET,
  CRITERIA_NOT_MET,
  INSUFFICIENT_DATA,
  /**
   * The case label (or a confirmed or provisional FHIR Condition) states the disorder and no
   * documented finding contradicts its criteria, but some criteria are undocumented: the stated
   * diagnosis is the working diagnosis (issue 14, rule 1).
   */
  STATED;

  /** The word the pack, the case format and every output use for this value. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<DiagnosisStatus> parse(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  /** Every word, in declaration order (for error messages). */
  public static List<String> words() {
    return Arrays.stream(values()).map(DiagnosisStatus::word).toList();
  }

  @Override
  public String toString() {
    return word();
  }
}
