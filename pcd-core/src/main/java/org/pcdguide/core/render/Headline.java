package org.pcdguide.core.render;

import java.util.Optional;
import java.util.stream.Collectors;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;

/**
 * What the report leads with: the best-ranked disease-directed recommendation. Supportive care is
 * never the headline; when nothing disease-directed applies, the headline says why and names the
 * missing findings that would decide it.
 */
final class Headline {
  private Headline() {}

  /** Whether an entry is disease-directed treatment (not supportive care, not guidance). */
  private static boolean directed(String id, KnowledgePack pack) {
    return pack.entry(id)
        .map(e -> e.kind().treatment() && e.kind() != EntryKind.SUPPORTIVE)
        .orElse(false);
  }

  static Optional<Assessment.Item> top(Assessment a) {
    return a.recommendations().stream()
        .filter(i -> i.entry().kind() != EntryKind.SUPPORTIVE)
        .findFirst();
  }

  static String noRecommendation(Assessment a, KnowledgePack pack) {
    String missing =
        a.missingData().stream()
            .filter(m -> m.blocks().stream().anyMatch(id -> directed(id, pack)))
            .map(Assessment.MissingData::finding)
            .distinct()
            .collect(Collectors.joining(", "));
    String decide = missing.isEmpty() ? "" : " Missing data that would decide it: " + missing + ".";
    if (a.diagnosis().isEmpty()) {
      return a.differential().isEmpty()
          ? "No disorder module applies to this case's diagnosis label; no recommendation."
          : "Differential diagnosis open: see the differential and the missing data that would"
              + " decide it.";
    }
    return switch (a.diagnosis().get().status()) {
      case "criteria-not-met" ->
          "Diagnostic criteria are not met: no treatment is recommended for an unconfirmed disorder.";
      case "insufficient-data" -> "Diagnostic criteria cannot be confirmed yet." + decide;
      default ->
          missing.isEmpty()
              ? "No disease-directed treatment applies to the current findings; see monitoring and"
                  + " the expected response timeline."
              : "No disease-directed recommendation can be made yet." + decide;
    };
  }
}
