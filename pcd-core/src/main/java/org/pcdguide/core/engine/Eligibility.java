package org.pcdguide.core.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether the patient looks eligible for a trial: yes, no, or unknown (with what is missing). */
public enum Eligibility {
  YES,
  NO,
  UNKNOWN;

  /** The word the pack, the case format and every output use for this value. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Eligibility> parse(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  /** Every word, in declaration order (for error messages). */
  public static List<String> words() {
    return Arrays.stream(values()).map(Eligibility::word).toList();
  }

  @Override
  public String toString() {
    return word();
  }
}
