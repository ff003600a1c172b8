package org.pcdguide.core.render;

import java.util.stream.Collectors;
import org.pcdguide.core.engine.Assessment;

/** Why an option is not offered, in the report's words. */
final class NotOfferedText {
  private NotOfferedText() {}

  static String of(Assessment.NotOffered n) {
    return switch (n.why()) {
      case CONFLICT ->
          "Not offered as a recommendation: in conflict with "
              + n.phase()
              + ", an agent to avoid of another applicable module (see the critical warning);"
              + " the avoid entry holds until the clinician decides.";
      case COMPLETED ->
          "Not offered again: a completed procedure (history: "
              + n.therapy().orElseThrow().summary()
              + "); no source in the pack covers repeating it.";
      case FAILED ->
          "Not offered again: the history shows "
              + n.therapy().orElseThrow().summary()
              + ", and this option shares its agents.";
      case PHASE ->
          "Not offered in this treatment phase: the patient is "
              + n.phase()
              + "; the option applies when the phase is "
              + n.entry().phases().stream()
                  .map(org.pcdguide.core.knowledge.TreatmentPhase::word)
                  .collect(Collectors.joining(" or "))
              + ".";
    };
  }
}
