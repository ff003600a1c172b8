package org.pcdguide.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClonalityFactsTest {
  @Test
  void clonality_bothLightChainsOnIhc_polyclonal() {
    FactValue v =
        Facts.of("clonality", "clonality:\n  plasma-cell-ihc: {kappa: true, lambda: true}\n");
    assertThat(v.is("polyclonal")).isTrue();
  }

  @Test
  void clonality_hypergammaglobulinemiaWithoutMProtein_polyclonal() {
    assertThat(
            Facts.of(
                    "clonality",
                    "clonality:\n  m-protein: false\n  polyclonal-hypergammaglobulinemia: true\n")
                .is("polyclonal"))
        .isTrue();
  }

  @Test
  void clonality_hypergammaglobulinemiaWithMProteinNotStated_unknown() {
    FactValue v = Facts.of("clonality", "clonality:\n  polyclonal-hypergammaglobulinemia: true\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("clonality.plasma-cell-ihc");
  }

  @Test
  void clonality_mProteinWinsOverPolyclonalIhc_andSaysSo() {
    FactValue v =
        Facts.of(
            "clonality",
            "clonality:\n  m-protein: {present: true, light-chain: kappa}\n  plasma-cell-ihc: {kappa: true, lambda: true}\n");
    assertThat(v.is("monoclonal")).isTrue();
    assertThat(v.because()).anyMatch(b -> b.startsWith("despite plasma-cell-ihc shows both"));
  }

  @Test
  void clonality_lightChainRestriction_monoclonal() {
    assertThat(
            Facts.of("clonality", "clonality:\n  plasma-cell-ihc: {kappa: true, lambda: false}\n")
                .is("monoclonal"))
        .isTrue();
  }

  @Test
  void plasmacytosisExtent_lymphNodes_systemic() {
    assertThat(
            Facts.of(
                    "plasmacytosis.extent",
                    "findings:\n  skin-lesions: true\n  lymphadenopathy: true\n")
                .is("systemic"))
        .isTrue();
  }

  @Test
  void plasmacytosisExtent_skinOnlyWithStagingNegative_cutaneous() {
    assertThat(
            Facts.of(
                    "plasmacytosis.extent",
                    "findings:\n  skin-lesions: true\n  lymphadenopathy: false\n  systemic-organ-involvement: false\n")
                .is("cutaneous"))
        .isTrue();
  }

  @Test
  void plasmacytosisExtent_skinOnlyWithoutStaging_unknownDecidedByStaging() {
    FactValue v = Facts.of("plasmacytosis.extent", "findings:\n  skin-lesions: true\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("systemic-organ-involvement");
  }

  @Test
  void skinLesionsLimited_localizedDistribution() {
    assertThat(
            Facts.of(
                    "skin.lesions-limited",
                    "findings:\n  skin-lesions: {present: true, distribution: localized}\n")
                .is(true))
        .isTrue();
    assertThat(Facts.missing(Facts.of("skin.lesions-limited", "findings:\n  skin-lesions: true\n")))
        .isEqualTo("skin-lesions.distribution");
  }

  @Test
  void plasmacytosisCriteria_monoclonal_notMet() {
    assertThat(
            Facts.of(
                    "plasmacytosis.criteria",
                    "findings:\n  skin-lesions: true\nclonality:\n  m-protein: true\n")
                .is("not-met"))
        .isTrue();
  }

  @Test
  void il6Elevated_aboveTheLabsRange_andUnknownWithoutOne() {
    assertThat(
            Facts.of(
                    "il6.elevated",
                    "labs:\n  - {test: il-6-serum, value: 48, unit: pg/mL, reference-range: {high: 7}}\n")
                .is(true))
        .isTrue();
    assertThat(
            Facts.missing(
                Facts.of(
                    "il6.elevated", "labs:\n  - {test: il-6-serum, value: 48, unit: pg/mL}\n")))
        .isEqualTo("il-6-serum.reference-range.high");
  }

  @Test
  void renalImpaired_creatinineClearanceBelowRange() {
    assertThat(
            Facts.of(
                    "renal.impaired",
                    "labs:\n  - {test: creatinine-clearance, value: 28, unit: mL/min, reference-range: {low: 90}}\n")
                .is(true))
        .isTrue();
    assertThat(Facts.missing(Facts.of("renal.impaired", "patient: {age: 40}\n")))
        .isEqualTo("renal-impairment");
  }
}
