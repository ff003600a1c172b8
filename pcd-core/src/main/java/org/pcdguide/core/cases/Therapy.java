package org.pcdguide.core.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A therapy already given (agent, regimen or procedure id), with its dates and response. */
public record Therapy(
    String therapy, Optional<LocalDate> start, Optional<LocalDate> end, Optional<String> response) {
  /** The responses a therapy in the history may have had (case format). */
  public static final List<String> RESPONSES =
      List.of(
          "complete",
          "very-good-partial",
          "partial",
          "stable",
          "progression",
          "no-stabilization",
          "refractory",
          "intolerant");

  /** "lenalidomide-dexamethasone, progression, ended 2025-03-01": the therapy as traces show it. */
  public String summary() {
    return therapy
        + response.map(r -> ", " + r).orElse(", response not stated")
        + end.map(d -> ", ended " + d)
            .or(() -> start.map(d -> ", started " + d))
            .orElse(", undated");
  }

  public Therapy {
    if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
      throw new IllegalArgumentException(
          therapy + " ends (" + end.get() + ") before it starts (" + start.get() + ")");
    }
  }
}
