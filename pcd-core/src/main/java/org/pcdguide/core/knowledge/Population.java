package org.pcdguide.core.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whom a source studied: human patients or animals. */
public enum Population {
  HUMAN,
  VETERINARY;

  /** The word the pack, the case format and every output use for this value. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Population> parse(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  /** Every word, in declaration order (for error messages). */
  public static List<String> words() {
    return Arrays.stream(values()).map(Population::word).toList();
  }

  @Override
  public String toString() {
    return word();
  }
}
