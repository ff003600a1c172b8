package org.pcdguide.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MyelomaAndScleromyxedemaFactsTest {
  @Test
  void myelomaCriteria_labelStandsWhenClonalityUnknown() {
    assertThat(Facts.of("myeloma.criteria", "diagnosis: multiple-myeloma\n").is("met")).isTrue();
  }

  @Test
  void myelomaCriteria_polyclonalPlasmaCellsOverruleTheLabel() {
    assertThat(
            Facts.of(
                    "myeloma.criteria",
                    "diagnosis: multiple-myeloma\nclonality:\n  plasma-cell-ihc: {kappa: true, lambda: true}\n")
                .is("not-met"))
        .isTrue();
  }

  @Test
  void relapsedRefractory_plasmacytomaAtRelapse() {
    assertThat(
            Facts.of(
                    "myeloma.relapsed-refractory",
                    "findings:\n  extramedullary-plasmacytoma: {present: true, site: soft-tissue, timing: relapse}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void relapsedRefractory_progressionAfterSystemicTherapy() {
    assertThat(
            Facts.of(
                    "myeloma.relapsed-refractory",
                    "history:\n  therapies:\n    - {therapy: bortezomib-lenalidomide-dexamethasone, response: progression}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void relapsedRefractory_atDiagnosis_false_andUnknownWhenNothingSaysSo() {
    assertThat(
            Facts.of(
                    "myeloma.relapsed-refractory",
                    "findings:\n  extramedullary-plasmacytoma: {present: true, timing: diagnosis}\n")
                .is(false))
        .isTrue();
    assertThat(
            Facts.missing(
                Facts.of(
                    "myeloma.relapsed-refractory",
                    "findings:\n  extramedullary-plasmacytoma: true\n")))
        .isEqualTo("extramedullary-plasmacytoma.timing");
  }

  @Test
  void cd56Negative_statedAbsentExpression() {
    assertThat(Facts.of("cd56.negative", "findings:\n  cd56-expression: false\n").is(true))
        .isTrue();
  }

  @Test
  void scleromyxedemaCriteria_allFourFeatures_met() {
    String body =
        """
        findings:
          papular-eruption: true
          scleromyxedema-histology: true
          thyroid-disease: false
        clonality:
          m-protein: {present: true, heavy-chain: IgG, light-chain: kappa}
        """;
    assertThat(Facts.of("scleromyxedema.criteria", body).is("met")).isTrue();
  }

  @Test
  void scleromyxedemaCriteria_thyroidDisease_notMet() {
    String body =
        """
        findings:
          papular-eruption: true
          scleromyxedema-histology: true
          thyroid-disease: true
        clonality:
          m-protein: true
        """;
    assertThat(Facts.of("scleromyxedema.criteria", body).is("not-met")).isTrue();
  }

  @Test
  void scleromyxedemaSeverity_dermatoNeuroSyndromeIsSevere() {
    assertThat(
            Facts.of("scleromyxedema.severity", "findings:\n  dermato-neuro-syndrome: true\n")
                .is("severe"))
        .isTrue();
  }

  @Test
  void scleromyxedemaSeverity_ivigRefractoryIsSevere() {
    assertThat(
            Facts.of(
                    "scleromyxedema.severity",
                    "history:\n  therapies:\n    - {therapy: ivig-high-dose, response: refractory}\n")
                .is("severe"))
        .isTrue();
  }

  @Test
  void scleromyxedemaSeverity_noneOfTheSevereFeatures_nonsevere() {
    String body =
        """
        findings:
          dermato-neuro-syndrome: false
          cns-involvement: false
          cardiac-involvement: false
        history: {therapies: []}
        """;
    assertThat(Facts.of("scleromyxedema.severity", body).is("nonsevere")).isTrue();
  }

  @Test
  void scleromyxedemaSeverity_cardiacNotStated_unknown() {
    String body =
        """
        findings:
          dermato-neuro-syndrome: false
          cns-involvement: false
        history: {therapies: []}
        """;
    assertThat(Facts.missing(Facts.of("scleromyxedema.severity", body)))
        .isEqualTo("cardiac-involvement");
  }
}
