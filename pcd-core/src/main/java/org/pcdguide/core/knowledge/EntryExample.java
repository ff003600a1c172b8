package org.pcdguide.core.knowledge;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small patient case that documents one entry (docs/knowledge-format.md, "Examples"): a case the
 * entry fires for, or a near miss it does not fire for. {@code document} is the whole case file
 * (format {@code pcd-case: 1}, the module's example base with the example's changes applied),
 * already checked as a case file is; it is assessed as of {@code asOf}. {@code severity}: what an
 * agent to avoid that fires must be listed with, when the example says.
 */
public record EntryExample(
    String entry,
    int index,
    Expect expect,
    String description,
    Optional<Severity> severity,
    LocalDate asOf,
    String document) {

  public EntryExample {
    if (entry.isBlank() || description.isBlank()) {
      throw new IllegalArgumentException("an example needs its entry and a description");
    }
    if (severity.isPresent() && expect != Expect.FIRES) {
      throw new IllegalArgumentException(
          entry + " example " + index + ": a severity belongs to a firing example");
    }
  }

  /** What the example expects of its entry. */
  public enum Expect {
    /**
     * Listed: among the recommendations, the avoid list, its guidance section, a trial eligible.
     */
    FIRES,
    /** Not listed (a trial: not listed, or listed as not eligible). */
    DOES_NOT_FIRE;

    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> words() {
      return Arrays.stream(values()).map(Expect::word).toList();
    }
  }

  /** How a test or a report names the example: entry, expectation and description. */
  public String label() {
    return entry + " " + expect.word() + " #" + index + ": " + description;
  }
}
