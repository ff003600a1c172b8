package org.pcdguide.core.render;

import org.pcdguide.core.engine.Assessment;

/** What the report leads with when no recommendation applies. */
final class Headline {
  private Headline() {}

  static String noRecommendation(Assessment a) {
    if (a.diagnosis().isEmpty()) {
      return "No disorder module applies to this case's diagnosis label; no recommendation.";
    }
    return switch (a.diagnosis().get().status()) {
      case "criteria-not-met" ->
          "Diagnostic criteria are not met: no treatment is recommended for an unconfirmed disorder.";
      case "insufficient-data" ->
          "Diagnostic criteria cannot be confirmed yet: see the missing data that would decide them.";
      default -> "No recommendation applies; see the missing data that would decide one.";
    };
  }
}
