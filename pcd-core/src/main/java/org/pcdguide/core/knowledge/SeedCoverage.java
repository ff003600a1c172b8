package org.pcdguide.core.knowledge;

import java.util.List;

/**
 * The sentences of one seed that no entry quotes, each marked with why: {@code background}
 * (headings, page furniture, biology the pack does not act on) or {@code source-gap}.
 */
public record SeedCoverage(String source, String file, List<Mark> background, List<Mark> gaps) {
  public SeedCoverage {
    background = List.copyOf(background);
    gaps = List.copyOf(gaps);
  }

  /** One marked sentence and the reason. */
  public record Mark(String sentence, String reason) {}
}
