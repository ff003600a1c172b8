package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.knowledge.Severity;

/**
 * Issue 3's cross-cutting promises: each disorder gets its own answer, labels are checked against
 * findings, veterinary evidence ranks below human evidence, and both myeloma seeds show.
 */
class Issue3Test {
  private static List<String> ids(List<? extends Assessment.Item> items) {
    return items.stream().map(i -> i.entry().id()).toList();
  }

  @Test
  void ivig_isFirstLineInScleromyxedema_butACriticalAvoidInPoems() {
    Assessment scleromyxedema =
        TestPack.assess(
            """
            as-of: 2026-11-01
            diagnosis: scleromyxedema
            findings:
              papular-eruption: true
              scleromyxedema-histology: true
              thyroid-disease: false
              dermato-neuro-syndrome: false
              cns-involvement: false
              cardiac-involvement: false
            clonality: {m-protein: {present: true, heavy-chain: IgG, light-chain: lambda}}
            history: {therapies: []}
            proposed: [ivig-high-dose]
            """);
    Assessment poems =
        TestPack.assess(
            """
            as-of: 2026-11-01
            diagnosis: poems-syndrome
            findings:
              peripheral-neuropathy: {present: true, preexisting: true}
              sclerotic-bone-lesions: {present: true, pattern: diffuse}
              papilledema: true
            clonality: {m-protein: {present: true, light-chain: lambda}}
            history: {therapies: []}
            proposed: [ivig-high-dose]
            """);
    assertThat(scleromyxedema.recommendations().get(0).entry().agents()).contains("ivig-high-dose");
    assertThat(scleromyxedema.avoid()).noneMatch(i -> i.severity() == Severity.CRITICAL);
    assertThat(poems.avoid())
        .anyMatch(
            i -> i.entry().id().equals("POEMS-AVOID-005") && i.severity() == Severity.CRITICAL);
    assertThat(ids(poems.recommendations())).noneMatch(id -> id.startsWith("SCL-"));
  }

  @Test
  void myelomaLabelWithPolyclonalPlasmaCells_warnsAndAssessesPlasmacytosisInstead() {
    Assessment a =
        TestPack.assess(
            """
            as-of: 2026-11-01
            diagnosis: multiple-myeloma
            findings:
              skin-lesions: {present: true, distribution: widespread}
              lymphadenopathy: true
              extramedullary-plasmacytoma: {present: true, site: soft-tissue}
            clonality:
              m-protein: false
              plasma-cell-ihc: {kappa: true, lambda: true}
            """);
    assertThat(a.warnings())
        .extracting(Warning::id)
        .contains(
            "multiple-myeloma-label-not-supported",
            "systemic-plasmacytosis-criteria-met-despite-label");
    assertThat(ids(a.recommendations()))
        .noneMatch(id -> id.startsWith("EMP-") || id.startsWith("MMP-"));
    assertThat(ids(a.recommendations())).anyMatch(id -> id.startsWith("PC-"));
    assertThat(ids(a.pitfalls())).contains("PC-PIT-001");
  }

  @Test
  void plasmacytosisLabelWithMProtein_warnsWithTheMisdiagnosisPitfallAndGivesNoTreatment() {
    Assessment a =
        TestPack.assess(
            """
            as-of: 2026-11-01
            diagnosis: cutaneous-plasmacytosis
            findings:
              skin-lesions: {present: true, distribution: localized}
            clonality: {m-protein: {present: true, light-chain: kappa}}
            """);
    assertThat(a.recommendations()).isEmpty();
    assertThat(ids(a.pitfalls())).containsExactly("PC-PIT-001");
    assertThat(org.pcdguide.core.render.ReportView.of(a, TestPack.PACK).warnings())
        .filteredOn(w -> w.id().equals("systemic-plasmacytosis-label-not-supported"))
        .singleElement()
        .satisfies(w -> assertThat(w.statement()).contains("PC-PIT-001"));
  }

  @Test
  void systemicPlasmacytosis_headlineIsASystemicOption_veterinaryStillLabelled() {
    // issue 13 rule 7: an option fitted to the systemic extent outranks the skin-directed one that
    // holds whatever the extent; the seed's topical option is scoped to limited cutaneous lesions
    Assessment a =
        TestPack.assess(
            """
            as-of: 2026-11-01
            diagnosis: systemic-plasmacytosis
            findings:
              skin-lesions: {present: true, distribution: widespread}
              lymphadenopathy: true
            clonality: {plasma-cell-ihc: {kappa: true, lambda: true}}
            history: {therapies: []}
            """);
    List<String> recs = ids(a.recommendations());
    // issue 14 rule 2: the IL-6 option (IL-6 not measured) follows, conditional, after them all
    assertThat(recs)
        .startsWith("PC-TX-005")
        .doesNotContain("PC-TX-003")
        .endsWith("PC-TX-004", "PC-TX-009");
    assertThat(a.recommendations().get(recs.size() - 1).conditional())
        .hasValueSatisfying(c -> assertThat(c).contains("decided by il-6-serum"));
    assertThat(a.recommendations().get(0).entry().evidence())
        .anyMatch(ev -> !TestPack.PACK.source(ev.source()).human());
    assertThat(a.sourceGaps())
        .anyMatch(g -> g.source().equals("seed-000") && g.section().equals("monitoring"));
  }

  @Test
  void
      myelomaWithSoftTissuePlasmacytoma_showsBothSeedsSideBySide_andVtdPaceNeverFirstWhenIneligible() {
    String body =
        """
        as-of: 2026-11-01
        diagnosis: multiple-myeloma
        patient: {transplant-eligible: %s}
        findings:
          extramedullary-plasmacytoma: {present: true, site: soft-tissue, timing: diagnosis}
        clonality: {m-protein: true}
        history: {therapies: []}
        """;
    Assessment eligible = TestPack.assess(body.formatted("true"));
    Assessment ineligible = TestPack.assess(body.formatted("false"));
    assertThat(eligible.modules()).containsExactly("myeloma-emp.yaml", "myeloma-plasmacytoma.yaml");
    assertThat(ids(eligible.recommendations())).contains("EMP-TX-001", "MMP-TX-001");
    assertThat(ineligible.recommendations().get(0).entry().id()).isNotEqualTo("MMP-TX-001");
    assertThat(ids(ineligible.recommendations())).doesNotContain("MMP-TX-001");
    assertThat(eligible.trials())
        .singleElement()
        .satisfies(t -> assertThat(t.eligible()).isEqualTo(Eligibility.NO));
  }

  @Test
  void
      unlabelledPolyneuropathyWithLambdaProteinAndSclerosis_listsPoemsAsDifferentialWithoutTreatment() {
    Assessment a =
        TestPack.assess(
            """
            as-of: 2026-11-01
            findings:
              peripheral-neuropathy: true
              sclerotic-bone-lesions: {present: true, pattern: solitary}
            clonality: {m-protein: {present: true, light-chain: lambda}}
            """);
    assertThat(a.differential())
        .extracting(Assessment.Differential::disorder)
        .containsExactly("poems-syndrome");
    assertThat(a.recommendations()).isEmpty();
    assertThat(a.missingData())
        .extracting(Assessment.MissingData::finding)
        .contains("papilledema", "endocrinopathy");
  }
}
