package org.pcdguide.core.render;

import java.util.Optional;
import java.util.stream.Collectors;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.EntryKind;

/**
 * What the report leads with: the best-ranked disease-directed recommendation. Supportive care is
 * never the headline; when nothing disease-directed applies, the headline says why and names the
 * missing findings that would decide it.
 */
final class Headline {
  private Headline() {}

  static Optional<Assessment.Item> top(Assessment a) {
    return a.recommendations().stream()
        .filter(i -> i.entry().kind() != EntryKind.SUPPORTIVE)
        .findFirst();
  }

  static String noRecommendation(Assessment a) {
    String missing =
        a.missingData().stream()
            .map(Assessment.MissingData::finding)
            .distinct()
            .collect(Collectors.joining(", "));
    String decide = missing.isEmpty() ? "" : " Missing data that would decide it: " + missing + ".";
    if (a.diagnosis().isEmpty()) {
      return "No disorder module applies to this case's diagnosis label; no recommendation.";
    }
    return switch (a.diagnosis().get().status()) {
      case "criteria-not-met" ->
          "Diagnostic criteria are not met: no treatment is recommended for an unconfirmed disorder.";
      case "insufficient-data" -> "Diagnostic criteria cannot be confirmed yet." + decide;
      default -> "No disease-directed recommendation can be made yet." + decide;
    };
  }
}
