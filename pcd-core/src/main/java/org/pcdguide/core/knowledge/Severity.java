package org.pcdguide.core.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How serious an agent-to-avoid entry is when it applies (raised when a proposed order hits it).
 */
public enum Severity {
  CRITICAL,
  WARNING,
  CAUTION;

  /**
   * The severity once a proposed order hits the entry: a caution becomes a warning, anything else
   * critical. The one place this escalation is decided.
   */
  public Severity whenProposed() {
    return this == CAUTION ? WARNING : CRITICAL;
  }

  /** The word the pack, the case format and every output use for this value. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Severity> parse(String word) {
    return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
  }

  /** Every word, in declaration order (for error messages). */
  public static List<String> words() {
    return Arrays.stream(values()).map(Severity::word).toList();
  }

  @Override
  public String toString() {
    return word();
  }
}
