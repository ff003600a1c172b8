package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/**
 * Order-sign answers an order the history rules out, an order a screening rule holds, an order a
 * pitfall speaks against, and an order no rule covers, with a card of its own (issue 13): a warning
 * with override reasons and a removal suggestion, or an info card.
 */
class OrderCardsTest {
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  private static final Path CASES = Path.of("../pcd-core/src/test/resources/cases");

  @Test
  void orderNotToleratedBefore_getsAWarningCardWithOverrideReasons() throws IOException {
    ArrayNode cards = cards("history-03-scleromyxedema-ivig-not-tolerated.yaml");
    List<JsonNode> warnings = byIndicator(cards, "warning");
    assertThat(warnings).hasSize(1);
    JsonNode card = warnings.get(0);
    assertThat(card.path("summary").asText())
        .startsWith("High-dose intravenous immunoglobulin (IVIg): not tolerated before")
        .hasSizeLessThan(141);
    assertThat(card.path("detail").asText())
        .contains("ivig-high-dose, intolerant, ended 2026-06-15");
    assertThat(card.path("overrideReasons")).hasSize(2);
    assertThat(
            card.path("suggestions")
                .get(0)
                .path("actions")
                .get(0)
                .path("resourceId")
                .get(0)
                .asText())
        .isEqualTo("MedicationRequest/order-1");
  }

  @Test
  void orderNoRuleCovers_getsAnInfoCardNotSilence() throws IOException {
    ArrayNode cards = cards("mixed-09-solitary-plasmacytoma-label-no-module.yaml");
    List<JsonNode> info = byIndicator(cards, "info");
    assertThat(info).hasSize(1);
    assertThat(info.get(0).path("summary").asText())
        .startsWith("Thalidomide: matches no option and no agent-to-avoid entry");
  }

  @Test
  void orderWithAgentsNoSourcePlaces_getsAWarningCardNamingTheClassRule() throws IOException {
    // issue 13 rule 4: DCEP first line in untreated POEMS; no pack source gives the neuropathy
    // rate of cyclophosphamide, etoposide or cisplatin (it used to be an "unchecked" info card)
    ArrayNode cards = cards("class-07-dcep-first-line-untreated-poems-severe-neuropathy.yaml");
    assertThat(byIndicator(cards, "info")).isEmpty();
    List<JsonNode> warnings = byIndicator(cards, "warning");
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).path("summary").asText())
        .startsWith("DCEP (dexamethasone, cyclophosphamide, etoposide, cisplatin): may be an agent")
        .hasSizeLessThan(141);
    assertThat(warnings.get(0).path("detail").asText())
        .contains("POEMS-AVOID-003")
        .contains("no source on the rate of treatment-related neuropathy of cyclophosphamide");
    assertThat(warnings.get(0).path("overrideReasons")).hasSize(2);
  }

  @Test
  void ivigOrPlasmapheresisForCidpWithLambdaMProtein_isHeldUntilPoemsIsEvaluated()
      throws IOException {
    ArrayNode cards =
        cards("plan-01-cidp-label-lambda-plasmapheresis-evaluate-for-poems-first.yaml");
    List<JsonNode> warnings = byIndicator(cards, "warning");
    assertThat(warnings).hasSize(1);
    JsonNode card = warnings.get(0);
    assertThat(card.path("summary").asText())
        .startsWith("Plasmapheresis: evaluate first [SCREEN-POEMS-001]: Neuropathy labelled CIDP")
        .hasSizeLessThan(141);
    assertThat(card.path("detail").asText())
        .contains("diagnosis.label = cidp", "m-protein.light-chain = lambda");
    assertThat(codes(card.path("overrideReasons")))
        .containsExactly("benefit-outweighs-risk", "evaluation-done");
    assertThat(card.path("suggestions").get(0).path("label").asText())
        .isEqualTo("Remove the draft order for Plasmapheresis");
    assertThat(byIndicator(cards, "info")).as("no 'unchecked' card once a rule holds it").isEmpty();
  }

  @Test
  void ivigForCidpWithLambdaMProtein_isNotHeldOncePoemsIsExcluded() throws IOException {
    ArrayNode cards = cards("plan-04-cidp-label-lambda-poems-excluded-ivig-not-held.yaml");
    assertThat(byIndicator(cards, "warning")).isEmpty();
    assertThat(byIndicator(cards, "info").get(0).path("summary").asText())
        .contains("matches no option");
  }

  @Test
  void repeatRadiotherapyAfterItFailed_warnsWithTheDoNotDelaySystemicTherapyPitfall()
      throws IOException {
    ArrayNode cards = cards("plan-10-radiotherapy-failed-4-months-repeat-proposed.yaml");
    List<String> summaries =
        byIndicator(cards, "warning").stream().map(c -> c.path("summary").asText()).toList();
    assertThat(summaries)
        .containsExactlyInAnyOrder(
            "Radiotherapy: given before without success (history: radiotherapy,"
                + " no-stabilization, ended 2026-06-10); not recommended again",
            "Radiotherapy: contradicts pitfall [POEMS-PIT-001]: Do not delay"
                + " systemic therapy when radiotherapy has not stabilized the disease");
  }

  @Test
  void patientView_showsTheScreeningFindingAndThePlanAfterRadiotherapy() throws IOException {
    ArrayNode held =
        patientView("plan-01-cidp-label-lambda-plasmapheresis-evaluate-for-poems-first.yaml");
    assertThat(byIndicator(held, "warning"))
        .anySatisfy(
            c ->
                assertThat(c.path("source").path("topic").path("code").asText())
                    .isEqualTo("SCREEN-POEMS-001"));
    ArrayNode planned =
        patientView("plan-06-localized-radiotherapy-recommended-reassessment-plan.yaml");
    assertThat(byIndicator(planned, "info").stream().map(c -> c.path("summary").asText()))
        .contains(
            "After radiotherapy: Reassessment window 3-6 months after radiotherapy",
            "After radiotherapy: Do not delay systemic therapy when radiotherapy has not"
                + " stabilized the disease");
  }

  @Test
  void ivigWhenPoemsAndScleromyxedemaCriteriaAreBothMet_getsACriticalModuleConflictCard()
      throws IOException {
    // issue 13 rule 5: seed 002 recommends IVIg, seed 003 says not to give it in POEMS
    ArrayNode cards = cards("conflict-01-poems-and-scleromyxedema-criteria-met-ivig.yaml");
    List<JsonNode> critical = byIndicator(cards, "critical");
    assertThat(critical.stream().map(c -> c.path("summary").asText()))
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        "High-dose intravenous immunoglobulin (IVIg):"
                            + " CRITICAL: modules conflict on it"));
    JsonNode card =
        critical.stream()
            .filter(c -> c.path("summary").asText().contains("modules conflict"))
            .findFirst()
            .orElseThrow();
    assertThat(card.path("summary").asText()).hasSizeLessThan(141);
    assertThat(card.path("detail").asText()).contains("SCL-TX-001", "POEMS-AVOID-005");
    assertThat(codes(card.path("overrideReasons")))
        .containsExactly("benefit-outweighs-risk", "conflict-resolved");
    assertThat(card.path("suggestions").get(0).path("label").asText())
        .isEqualTo("Remove the draft order for High-dose intravenous immunoglobulin (IVIg)");
  }

  @Test
  void patientView_showsTheModuleConflictAsACriticalCardEvenWithoutAnOrder() throws IOException {
    ArrayNode cards = patientView("conflict-01-poems-and-scleromyxedema-criteria-met-ivig.yaml");
    List<JsonNode> critical = byIndicator(cards, "critical");
    assertThat(critical).hasSize(1);
    assertThat(critical.get(0).path("detail").asText())
        .contains("SCL-TX-001", "seed-002", "POEMS-AVOID-005", "seed-003")
        .contains("[SCL-TX-001-conflicts-POEMS-AVOID-005]");
    assertThat(codes(critical.get(0).path("overrideReasons")))
        .containsExactly("conflict-resolved", "diagnosis-differs");
    assertThat(byIndicator(cards, "info"))
        .as("the conflicted option is not the headline card")
        .noneSatisfy(
            c ->
                assertThat(c.path("source").path("topic").path("code").asText())
                    .isEqualTo("SCL-TX-001"));
  }

  @Test
  void ivigWhenPoemsIsOnlyAnOpenDifferential_getsNoCriticalCard() throws IOException {
    ArrayNode cards = cards("conflict-03-scleromyxedema-met-poems-differential-open-ivig.yaml");
    assertThat(byIndicator(cards, "critical")).isEmpty();
    assertThat(byIndicator(cards, "info").get(0).path("summary").asText())
        .contains("may be an agent to avoid once the missing data are known [POEMS-AVOID-005]");
  }

  @Test
  void vtdPaceForAMyelomaLabelThePolyclonalFindingsContradict_getsACriticalCard()
      throws IOException {
    // issue 13 rule 6: not a caution on one component, and not "unchecked"
    ArrayNode cards = cards("conflict-04-myeloma-label-polyclonal-vtd-pace.yaml");
    List<JsonNode> critical = byIndicator(cards, "critical");
    assertThat(critical).hasSize(1);
    assertThat(critical.get(0).path("summary").asText())
        .startsWith("VTD-PACE")
        .hasSizeLessThan(141);
    assertThat(critical.get(0).path("detail").asText())
        .contains("MMP-TX-001", "labelled multiple-myeloma", "kappa and lambda");
    assertThat(codes(critical.get(0).path("overrideReasons")))
        .containsExactly("benefit-outweighs-risk", "diagnosis-confirmed");
    assertThat(byIndicator(cards, "info")).isEmpty();
  }

  @Test
  void vtdPaceForAMonoclonalMyeloma_getsNoLabelCard() throws IOException {
    ArrayNode cards = cards("conflict-05-myeloma-label-monoclonal-vtd-pace.yaml");
    assertThat(byIndicator(cards, "critical")).isEmpty();
  }

  private static List<String> codes(JsonNode reasons) {
    List<String> out = new ArrayList<>();
    reasons.forEach(r -> out.add(r.path("code").asText()));
    return out;
  }

  private static ArrayNode patientView(String file) throws IOException {
    PatientCase c = read(file);
    var a = Engine.assess(c, PACK, c.asOf().orElseThrow());
    return new Cards(PACK)
        .patientView(a, CardIds.nameBased("hook-1"), "https://cds.example.org", "");
  }

  private static PatientCase read(String file) throws IOException {
    JsonNode doc =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Files.readAllBytes(CASES.resolve(file)));
    byte[] body =
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(doc.path("case"));
    return new CaseReader(PACK.vocabulary()).read(file, body, Optional.empty());
  }

  private static ArrayNode cards(String file) throws IOException {
    JsonNode doc =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Files.readAllBytes(CASES.resolve(file)));
    byte[] body =
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(doc.path("case"));
    PatientCase c = new CaseReader(PACK.vocabulary()).read(file, body, Optional.empty());
    var a = Engine.assess(c, PACK, c.asOf().orElseThrow());
    return new Cards(PACK)
        .orders(
            a,
            Map.of("MedicationRequest/order-1", c.proposed().get(0)),
            CardIds.nameBased("hook-1"),
            "https://cds.example.org",
            "");
  }

  private static List<JsonNode> byIndicator(ArrayNode cards, String indicator) {
    List<JsonNode> out = new ArrayList<>();
    cards.forEach(
        c -> {
          if (c.path("indicator").asText().equals(indicator)) {
            out.add(c);
          }
        });
    return out;
  }
}
