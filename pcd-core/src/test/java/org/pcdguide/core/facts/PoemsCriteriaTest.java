package org.pcdguide.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoemsCriteriaTest {
  private static final String MET =
      """
      findings:
        peripheral-neuropathy: true
        sclerotic-bone-lesions: {present: true, pattern: solitary}
        papilledema: true
      clonality:
        m-protein: {present: true, light-chain: lambda}
      """;

  @Test
  void criteria_allGroupsSatisfied_met() {
    assertThat(Facts.of("poems.criteria", MET).is("met")).isTrue();
  }

  @Test
  void criteria_noMProteinAndPolyclonalPlasmaCells_notMet() {
    FactValue v =
        Facts.of(
            "poems.criteria",
            MET.replace(
                "{present: true, light-chain: lambda}",
                "false\n  plasma-cell-ihc: {kappa: true, lambda: true}"));
    assertThat(v.is("not-met")).isTrue();
    assertThat(v.because()).anyMatch(b -> b.contains("monoclonal-plasma-cell-disorder not met"));
  }

  @Test
  void monoclonal_noMProteinAndNoBiopsyStudy_unknownNotAssumedAbsent() {
    FactValue v =
        Facts.of(
            "poems.criterion.monoclonal-plasma-cell-disorder", "clonality:\n  m-protein: false\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("clonality.plasma-cell-ihc");
  }

  @Test
  void criteria_noNeuropathy_notMetWhateverElse() {
    assertThat(
            Facts.of(
                    "poems.criteria",
                    MET.replace("peripheral-neuropathy: true", "peripheral-neuropathy: false"))
                .is("not-met"))
        .isTrue();
  }

  @Test
  void criteria_minorUnstated_unknownNamingTheMinorFindings() {
    FactValue v = Facts.of("poems.criteria", MET.replace("  papilledema: true\n", ""));
    assertThat(v.known()).isFalse();
    assertThat(((FactValue.Unknown) v).missing())
        .extracting(MissingFinding::finding)
        .contains("papilledema", "endocrinopathy", "poems-skin-changes");
  }

  @Test
  void criteria_allMinorAbsent_notMet() {
    String doc =
        """
        findings:
          peripheral-neuropathy: true
          sclerotic-bone-lesions: true
          organomegaly: false
          lymphadenopathy: false
          extravascular-volume-overload: false
          endocrinopathy: false
          poems-skin-changes: false
          papilledema: false
          polycythemia: false
        clonality:
          m-protein: true
        labs:
          - {test: platelets, value: 250, unit: 10*9/L, reference-range: {low: 150, high: 400}}
        """;
    assertThat(Facts.of("poems.criteria", doc).is("not-met")).isTrue();
  }

  @Test
  void monoclonal_lambdaRestrictedIhcWithoutMProtein_met() {
    assertThat(
            Facts.of(
                    "poems.criterion.monoclonal-plasma-cell-disorder",
                    "clonality:\n  plasma-cell-ihc: {kappa: false, lambda: true}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void monoclonal_bothLightChainsOnIhc_unknownWithoutMProteinStudy() {
    FactValue v =
        Facts.of(
            "poems.criterion.monoclonal-plasma-cell-disorder",
            "clonality:\n  plasma-cell-ihc: {kappa: true, lambda: true}\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("clonality.m-protein");
  }

  @Test
  void vegf_plasmaAtThreshold_met() {
    assertThat(
            Facts.of(
                    "poems.criterion.vegf-elevated",
                    "labs:\n  - {test: vegf-plasma, value: 200, unit: pg/mL}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void vegf_plasmaJustBelowThreshold_notMet() {
    assertThat(
            Facts.of(
                    "poems.criterion.vegf-elevated",
                    "labs:\n  - {test: vegf-plasma, value: 199, unit: pg/mL}\n")
                .is(false))
        .isTrue();
  }

  @Test
  void vegf_plasmaInNanogramsPerLitre_convertedBeforeComparison() {
    // 250 ng/L = 250 pg/mL
    assertThat(
            Facts.of(
                    "poems.criterion.vegf-elevated",
                    "labs:\n  - {test: vegf-plasma, value: 250, unit: ng/L}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void vegf_serumAboveLabRange_met() {
    assertThat(
            Facts.of(
                    "poems.criterion.vegf-elevated",
                    "labs:\n  - {test: vegf-serum, value: 1850, unit: pg/mL, reference-range: {high: 1000}}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void vegf_serumWithoutRange_unknownNotJudgedAgainstThePlasmaCutoff() {
    FactValue v =
        Facts.of(
            "poems.criterion.vegf-elevated",
            "labs:\n  - {test: vegf-serum, value: 1850, unit: pg/mL}\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("vegf-serum.reference-range.high");
  }

  @Test
  void vegf_noResult_unknownNamingPlasmaVegf() {
    assertThat(Facts.missing(Facts.of("poems.criterion.vegf-elevated", "patient: {age: 50}\n")))
        .isEqualTo("vegf-plasma");
  }

  @Test
  void endocrinopathy_diabetesAlone_doesNotCount() {
    assertThat(
            Facts.of(
                    "poems.criterion.endocrinopathy",
                    "findings:\n  endocrinopathy: {present: true, kinds: [diabetes]}\n")
                .is(false))
        .isTrue();
  }

  @Test
  void endocrinopathy_thyroidAndDiabetesOnly_doesNotCount() {
    assertThat(
            Facts.of(
                    "poems.criterion.endocrinopathy",
                    "findings:\n  endocrinopathy: {present: true, kinds: [thyroid, diabetes]}\n")
                .is(false))
        .isTrue();
  }

  @Test
  void endocrinopathy_gonadalWithDiabetes_counts() {
    assertThat(
            Facts.of(
                    "poems.criterion.endocrinopathy",
                    "findings:\n  endocrinopathy: {present: true, kinds: [diabetes, gonadal]}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void endocrinopathy_presentWithoutKinds_unknown() {
    assertThat(
            Facts.missing(
                Facts.of("poems.criterion.endocrinopathy", "findings:\n  endocrinopathy: true\n")))
        .isEqualTo("endocrinopathy.kinds");
  }

  @Test
  void organomegaly_lymphadenopathyAlone_counts() {
    assertThat(
            Facts.of("poems.criterion.organomegaly", "findings:\n  lymphadenopathy: true\n")
                .is(true))
        .isTrue();
  }

  @Test
  void thrombocytosis_platesAboveRangeCountsAsMinor() {
    assertThat(
            Facts.of(
                    "poems.criterion.thrombocytosis-polycythemia",
                    "labs:\n  - {test: platelets, value: 455, unit: 10*9/L, reference-range: {high: 400}}\n")
                .is(true))
        .isTrue();
  }
}
