package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.render.JsonReport;
import org.pcdguide.core.render.ReportView;

/**
 * Issue 14 rules 1, 2, 3 and 5 as a clinician and an integrator read them: what the headline says,
 * how the conditional options name what decides them, and in which order the missing data come.
 */
class Issue14Test {
  private static final String SCLEROMYXEDEMA_THYROID_AND_CARDIAC_NOT_STATED =
      """
      as-of: 2026-10-15
      diagnosis: scleromyxedema
      findings:
        papular-eruption: true
        scleromyxedema-histology: true
        dermato-neuro-syndrome: false
        cns-involvement: false
      clonality:
        m-protein: {present: true, heavy-chain: IgG, light-chain: lambda}
      history: {therapies: []}
      """;

  @Test
  void statedDiagnosis_headlineNamesTheUndocumentedCriterion_jsonSaysStated() {
    Assessment a = TestPack.assess(SCLEROMYXEDEMA_THYROID_AND_CARDIAC_NOT_STATED);
    ReportView v = ReportView.of(a, TestPack.PACK);
    assertThat(v.headline().flags())
        .anySatisfy(
            f ->
                assertThat(f.text())
                    .contains("Stated diagnosis (scleromyxedema)")
                    .contains("undocumented: Criterion: no thyroid disease"));
    ObjectNode json = JsonReport.tree(a, TestPack.PACK);
    assertThat(json.at("/diagnosis/status").asText()).isEqualTo("stated");
  }

  @Test
  void missingData_diagnosisDecidingFindingComesFirst_notAlphabetically() {
    Assessment a = TestPack.assess(SCLEROMYXEDEMA_THYROID_AND_CARDIAC_NOT_STATED);
    // alphabetically cardiac-involvement would lead; the criterion decides the diagnosis
    assertThat(findings(a)).containsExactly("thyroid-disease", "cardiac-involvement");
  }

  @Test
  void undecidedSeverity_eachBranchNamesTheFindingThatDecidesIt() {
    Assessment a = TestPack.assess(SCLEROMYXEDEMA_THYROID_AND_CARDIAC_NOT_STATED);
    assertThat(a.recommendations())
        .extracting(r -> r.entry().id() + ": " + r.conditional().orElse("holds either way"))
        .containsExactly(
            "SCL-TX-001: holds if scleromyxedema.severity = nonsevere;"
                + " decided by cardiac-involvement",
            "SCL-TX-003: holds if scleromyxedema.severity = severe; decided by cardiac-involvement");
  }

  @Test
  void missingData_firstOptionDecidingBeforeAlphabeticallyEarlierItems() {
    // POEMS, disseminated, transplant eligibility and hemoglobin not stated: the eligibility holds
    // back the ASCT option (and the ASCT steps); the hemoglobin only an adverse-factor pitfall
    Assessment a =
        TestPack.assess(
            """
            as-of: 2026-10-15
            patient: {age: 44, sex: male}
            diagnosis: poems-syndrome
            findings:
              peripheral-neuropathy: {present: true, severity: moderate}
              sclerotic-bone-lesions: {present: true, pattern: diffuse}
              organomegaly: true
            clonality:
              m-protein: {present: true, heavy-chain: IgA, light-chain: lambda}
            labs:
              - {test: vegf-plasma, value: 900, unit: pg/mL, date: 2026-10-01}
              - {test: platelets, value: 260, unit: 10*9/L, date: 2026-10-01, reference-range: {low: 150, high: 400}}
            history: {therapies: []}
            """);
    assertThat(findings(a)).containsExactly("patient.transplant-eligible", "hemoglobin");
    assertThat(a.missingData().get(0).statement()).contains("no sourced rule: clinician decision");
    ReportView v = ReportView.of(a, TestPack.PACK);
    // the headline option holds either way: no "undecided" flag
    assertThat(v.headline().id()).isEqualTo("POEMS-TX-004");
    assertThat(v.headline().flags()).noneMatch(f -> f.text().startsWith("Undecided"));
  }

  @Test
  void headlineOnBranchOptions_namesEachBranchAndWhatDecidesIt() {
    Assessment a =
        TestPack.assess(
            """
            as-of: 2026-10-15
            patient: {transplant-eligible: true}
            diagnosis: poems-syndrome
            findings:
              peripheral-neuropathy: {present: true, severity: moderate}
              sclerotic-bone-lesions: {present: true, pattern: solitary, count: 1}
              organomegaly: true
            clonality:
              m-protein: {present: true, heavy-chain: IgA, light-chain: lambda}
            labs:
              - {test: vegf-plasma, value: 700, unit: pg/mL, date: 2026-10-01}
            history: {therapies: []}
            """);
    ReportView v = ReportView.of(a, TestPack.PACK);
    // no branch option is presented as the answer: the headline names each branch and its decider
    assertThat(v.headline().id()).isEqualTo("none");
    assertThat(v.headline().statement())
        .startsWith("The answer depends on undecided findings (bone-marrow-involvement)")
        .contains("if poems.extent = localized: Radiotherapy")
        .contains("if poems.extent = disseminated or poems.extent = no-bone-lesion: Lenalidomide");
  }

  @Test
  void myelomaWithoutPlasmacytoma_headlineSaysOutsideScopeAndWhatThePackCovers() {
    Assessment a =
        TestPack.assess(
            """
            as-of: 2026-11-02
            diagnosis: multiple-myeloma
            findings:
              extramedullary-plasmacytoma: false
            clonality:
              m-protein: {present: true, heavy-chain: IgA, light-chain: kappa}
            history: {therapies: []}
            """);
    ReportView v = ReportView.of(a, TestPack.PACK);
    assertThat(v.headline().statement())
        .startsWith("Outside this knowledge pack's scope")
        .contains("finding.extramedullary-plasmacytoma = false")
        .contains("POEMS syndrome")
        .doesNotContain("No disease-directed treatment applies");
    // the label-only criterion says it is only the label
    assertThat(a.diagnosis().orElseThrow().criteria())
        .filteredOn(c -> c.entry().id().equals("EMP-DX-1"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.because()).anyMatch(b -> b.startsWith("label accepted (no criteria")));
  }

  private static List<String> findings(Assessment a) {
    return a.missingData().stream().map(Assessment.MissingData::finding).toList();
  }
}
