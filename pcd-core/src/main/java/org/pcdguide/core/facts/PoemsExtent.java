package org.pcdguide.core.facts;

import java.util.Optional;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.knowledge.Threshold;

/**
 * POEMS disease extent. Localized: solitary or limited sclerotic lesions (at most the pack's {@code
 * poems.localized-max-lesions}) without bone-marrow involvement. Disseminated: diffuse lesions,
 * more lesions than that, or marrow involvement. Otherwise unknown, naming the finding that decides
 * it.
 */
final class PoemsExtent {
  private PoemsExtent() {}

  static FactValue extent(FactContext ctx) {
    Optional<Finding> lesions = ctx.patientCase().finding("sclerotic-bone-lesions");
    FactValue marrow = ctx.fact("finding.bone-marrow-involvement");
    Threshold limited = ctx.threshold("poems.localized-max-lesions");
    if (marrow.is(Boolean.TRUE)) {
      return FactValue.of("disseminated", "bone-marrow-involvement = true");
    }
    if (lesions.isEmpty()) {
      return FactValue.unknown(
          "sclerotic-bone-lesions",
          "sclerotic-bone-lesions is not stated; their number and pattern, with the marrow, decide"
              + " localized vs disseminated");
    }
    Finding f = lesions.get();
    if (!f.present()) {
      // nothing in the input would decide this: the gap is the clinician's judgement, not a finding
      return new FactValue.Unknown(
          java.util.List.of(
              "no sclerotic bone lesion"
                  + (marrow.known() ? " and no marrow involvement" : "")
                  + ": neither extent definition of the sources applies; clinician judgement"
                  + " needed"),
          java.util.List.of());
    }
    Optional<String> pattern = f.text("pattern");
    Optional<Long> count = f.integer("count");
    if (pattern.filter("diffuse"::equals).isPresent()) {
      return FactValue.of("disseminated", "sclerotic-bone-lesions.pattern = diffuse");
    }
    if (count.isPresent() && !limited.test(count.get())) {
      return FactValue.of(
          "disseminated",
          "sclerotic-bone-lesions.count = "
              + count.get()
              + " (localized needs "
              + limited.describe()
              + ")");
    }
    String lesionTrace =
        pattern
            .map(p -> "sclerotic-bone-lesions.pattern = " + p)
            .orElse(count.map(c -> "sclerotic-bone-lesions.count = " + c).orElse(""));
    if (lesionTrace.isEmpty()) {
      return FactValue.unknown(
          "sclerotic-bone-lesions.pattern",
          "the pattern (solitary, limited, diffuse) or count of the sclerotic lesions is not stated");
    }
    if (marrow.is(Boolean.FALSE)) {
      return FactValue.of("localized", lesionTrace, "bone-marrow-involvement = false");
    }
    return new FactValue.Unknown(
        java.util.List.of(lesionTrace, "bone-marrow-involvement unknown"),
        java.util.List.of(
            new MissingFinding(
                "bone-marrow-involvement",
                "bone-marrow involvement (iliac-crest biopsy) decides localized vs disseminated")));
  }
}
