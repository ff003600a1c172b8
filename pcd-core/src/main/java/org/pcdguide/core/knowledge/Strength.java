package org.pcdguide.core.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How strongly an entry's source words its statement. */
public enum Strength {
  RECOMMENDED,
  SUGGESTED,
  CONSIDER,
  DO_NOT,
  INFORMATIONAL;

  /** The word the pack, the case format and every output use for this value. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Strength> parse(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  /** Every word, in declaration order (for error messages). */
  public static List<String> words() {
    return Arrays.stream(values()).map(Strength::word).toList();
  }

  @Override
  public String toString() {
    return word();
  }
}
