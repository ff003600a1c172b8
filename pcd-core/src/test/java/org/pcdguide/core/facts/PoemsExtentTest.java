package org.pcdguide.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoemsExtentTest {
  private static FactValue extent(String findings) {
    return Facts.of("poems.extent", "findings:\n" + findings);
  }

  @Test
  void solitaryLesionNegativeMarrow_localized() {
    FactValue v =
        extent(
            "  sclerotic-bone-lesions: {present: true, pattern: solitary}\n  bone-marrow-involvement: false\n");
    assertThat(v.is("localized")).isTrue();
    assertThat(v.because()).contains("bone-marrow-involvement = false");
  }

  @Test
  void threeLesionsNegativeMarrow_localizedAtTheBoundary() {
    assertThat(
            extent(
                    "  sclerotic-bone-lesions: {present: true, count: 3}\n  bone-marrow-involvement: false\n")
                .is("localized"))
        .isTrue();
  }

  @Test
  void fourLesions_disseminated() {
    assertThat(
            extent(
                    "  sclerotic-bone-lesions: {present: true, count: 4}\n  bone-marrow-involvement: false\n")
                .is("disseminated"))
        .isTrue();
  }

  @Test
  void diffuseLesions_disseminatedWhateverTheMarrow() {
    assertThat(
            extent("  sclerotic-bone-lesions: {present: true, pattern: diffuse}\n")
                .is("disseminated"))
        .isTrue();
  }

  @Test
  void marrowInvolved_disseminatedEvenWithASolitaryLesion() {
    assertThat(
            extent(
                    "  sclerotic-bone-lesions: {present: true, pattern: solitary}\n  bone-marrow-involvement: true\n")
                .is("disseminated"))
        .isTrue();
  }

  @Test
  void limitedLesionsMarrowNotStated_unknownDecidedByMarrow() {
    FactValue v = extent("  sclerotic-bone-lesions: {present: true, pattern: limited}\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("bone-marrow-involvement");
  }

  @Test
  void lesionPatternNotStated_unknownDecidedByPattern() {
    FactValue v = extent("  sclerotic-bone-lesions: true\n  bone-marrow-involvement: false\n");
    assertThat(Facts.missing(v)).isEqualTo("sclerotic-bone-lesions.pattern");
  }

  @Test
  void noLesionsNoMarrow_noBoneLesionExtentFromBothFindings() {
    // issue 14 rule 3: criteria met through Castleman disease and VEGF, no lesion to irradiate
    FactValue v = extent("  sclerotic-bone-lesions: false\n  bone-marrow-involvement: false\n");
    assertThat(v.is("no-bone-lesion")).isTrue();
    assertThat(v.because())
        .containsExactly("sclerotic-bone-lesions = false", "bone-marrow-involvement = false");
  }

  @Test
  void noLesionsMarrowNotStated_noBoneLesionSinceEitherWayIsSystemic() {
    FactValue v = extent("  sclerotic-bone-lesions: false\n");
    assertThat(v.is("no-bone-lesion")).isTrue();
    assertThat(v.because().get(1)).contains("both lead to systemic therapy");
  }

  @Test
  void noLesionsMarrowInvolved_disseminated() {
    FactValue v = extent("  sclerotic-bone-lesions: false\n  bone-marrow-involvement: true\n");
    assertThat(v.is("disseminated")).isTrue();
  }
}
