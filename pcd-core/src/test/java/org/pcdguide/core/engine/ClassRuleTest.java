package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.render.JsonReport;
import org.pcdguide.core.render.TextReport;

/**
 * Issue 13 rule 4 (a class rule matches by attribute, regimen components included; an agent no
 * source places is flagged, never unchecked) and rule 8's renal annotation.
 */
class ClassRuleTest {
  private static String untreatedPoems(String proposed, String labs) {
    return """
        as-of: 2026-10-15
        patient: {age: 50, sex: male, transplant-eligible: true}
        diagnosis: poems-syndrome
        findings:
          peripheral-neuropathy: {present: true, severity: severe, preexisting: true}
          sclerotic-bone-lesions: {present: true, pattern: diffuse}
          bone-marrow-involvement: true
          organomegaly: true
        clonality: {m-protein: {present: true, heavy-chain: IgA, light-chain: lambda}}
        labs:
          - {test: vegf-plasma, value: 1500, unit: pg/mL, date: 2026-10-01}
        %s
        history: {therapies: []}
        proposed: [%s]
        """
        .formatted(labs, proposed);
  }

  private static List<Assessment.Verdict> verdicts(Assessment a, String order) {
    return a.orders().stream()
        .filter(o -> o.order().equals(order))
        .findFirst()
        .orElseThrow()
        .verdicts();
  }

  @Test
  void vtdPace_componentsInTheClass_hitTheClassRule_withoutAnUnsourcedDuplicate() {
    Assessment a = TestPack.assess(untreatedPoems("vtd-pace", ""));
    Assessment.AvoidItem cls =
        a.avoid().stream()
            .filter(i -> i.entry().id().equals("POEMS-AVOID-003"))
            .findFirst()
            .orElseThrow();
    assertThat(cls.proposed()).containsExactlyInAnyOrder("bortezomib", "thalidomide");
    assertThat(cls.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(verdicts(a, "vtd-pace"))
        .extracting(Assessment.Verdict::kind)
        .containsOnly(VerdictKind.HITS_AVOID)
        .hasSize(3);
  }

  @Test
  void dcep_unsourcedComponents_mayHitTheClassRule_namedInTheHeadline_neverUnchecked() {
    Assessment a = TestPack.assess(untreatedPoems("dcep", ""));
    assertThat(verdicts(a, "dcep"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.kind()).isEqualTo(VerdictKind.MAY_HIT_AVOID);
              assertThat(v.entry()).contains("POEMS-AVOID-003");
              assertThat(v.severity()).contains(Severity.WARNING);
              assertThat(v.because())
                  .singleElement()
                  .asString()
                  .contains("no source on the rate of treatment-related neuropathy")
                  .contains("cyclophosphamide, etoposide, cisplatin")
                  .doesNotContain("dexamethasone");
            });
    String text = TextReport.render(a, TestPack.PACK, TextReport.Style.TEXT);
    String headline = text.substring(text.indexOf("HEADLINE"), text.indexOf("DIAGNOSIS CHECK"));
    assertThat(headline)
        .contains("WARNING: proposed DCEP")
        .contains("may be an agent to avoid under POEMS-AVOID-003")
        .doesNotContain("no rule against it");
  }

  @Test
  void renalImpairmentByEgfr_annotatesEachRegimen_inJsonAndText() {
    Assessment a =
        TestPack.assess(
            untreatedPoems(
                "",
                "  - {test: egfr, value: 38, unit: \"mL/min/{1.73_m2}\", date: 2026-10-01,"
                    + " reference-range: {low: 60}}"));
    JsonNode json = JsonReport.tree(a, TestPack.PACK);
    JsonNode lenDex = null;
    for (JsonNode r : json.get("recommendations")) {
      if (r.get("id").asText().equals("POEMS-TX-004")) {
        lenDex = r;
      }
    }
    assertThat(lenDex).isNotNull();
    JsonNode renal = lenDex.get("renal-dosing");
    assertThat(renal.get("renal-function").asText()).isEqualTo("impaired");
    assertThat(renal.get("unsourced").toString()).isEqualTo("[\"lenalidomide\",\"dexamethasone\"]");
    assertThat(renal.get("adjust")).isEmpty();
    assertThat(json.get("warnings").toString()).contains("renal-dose-adjustment");
    assertThat(TextReport.render(a, TestPack.PACK, TextReport.Style.TEXT))
        .contains(
            "Renal impairment: no pack source says whether Lenalidomide, Dexamethasone need a dose"
                + " adjustment.")
        .contains("The pack cannot say which of the recommended options need a renal dose");
  }
}
