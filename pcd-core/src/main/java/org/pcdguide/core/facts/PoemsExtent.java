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
      // no lesion to irradiate: the sources' only alternative to local therapy is systemic
      // therapy (docs/guideline-interpretations.md, "POEMS without a bone lesion")
      // (marrow involvement, checked above, makes it disseminated; either way systemic therapy)
      return FactValue.of(
          "no-bone-lesion",
          "sclerotic-bone-lesions = false",
          marrow.known()
              ? "bone-marrow-involvement = false"
              : "bone-marrow-involvement not stated (involvement would make it disseminated;"
                  + " both lead to systemic therapy)");
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
