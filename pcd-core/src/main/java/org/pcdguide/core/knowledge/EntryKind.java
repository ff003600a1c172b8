package org.pcdguide.core.knowledge;

import java.util.Locale;

/** What an entry is; decides its output section and its rank among recommendations. */
public enum EntryKind {
  FIRST_LINE,
  ALTERNATIVE,
  CONDITIONAL,
  SECOND_LINE,
  INVESTIGATIONAL,
  SUPPORTIVE,
  AVOID,
  PITFALL,
  MONITORING,
  TIMELINE,
  CONTEXT,
  TRIAL,
  DIAGNOSTIC,
  /** A population screening rule: flags a patient worth acting on (pcd screen). */
  SCREENING;

  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static java.util.Optional<EntryKind> parse(String word) {
    for (EntryKind k : values()) {
      if (k.word().equals(word)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }

  /** Treatment kinds appear under recommendations and are gated by the module's treatment gate. */
  public boolean treatment() {
    return ordinal() <= SUPPORTIVE.ordinal();
  }
}
