package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcdguide.app.AsOf;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;
import org.pcdguide.testkit.PoemsBundle;

/**
 * Issue 14, never fail open: CDS Hooks answers a draft order or a diagnosis code it cannot read
 * with a card saying so (an empty list means only "checked, nothing to say"), and flags a
 * product-coded draft thalidomide order (Synthea's shape, a published IG's SNOMED CT product, a
 * contained Medication) for a POEMS patient as critical, saying when it was matched by name.
 */
class NotCheckedCardsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final Path EHR = Path.of("../pcd-fhir/src/test/resources/ehr");
  private static final Path EXTERNAL = Path.of("../test-data/external");

  private static JsonNode cards(String service, List<JsonNode> prefetch, List<JsonNode> drafts)
      throws IOException {
    CdsCall call =
        new CdsCall(service, "hook-1", "https://cds.example.org", AS_OF, prefetch, drafts);
    String response =
        call.cards(
            new AssessmentService(PACK, Terminology.bundled(), AsOf.given(AS_OF).clock()),
            new Cards(PACK),
            "");
    return JSON.readTree(response).get("cards");
  }

  private static JsonNode read(Path p) throws IOException {
    return JSON.readTree(Files.readString(p));
  }

  private static List<JsonNode> indicator(JsonNode cards, String indicator) {
    List<JsonNode> out = new ArrayList<>();
    cards.forEach(
        c -> {
          if (c.path("indicator").asText().equals(indicator)) {
            out.add(c);
          }
        });
    return out;
  }

  @Test
  void orderSign_syntheaProductCodedThalidomide_isCritical_andSaysMatchedByName()
      throws IOException {
    JsonNode cards =
        cards(
            "pcd-order-sign",
            PoemsBundle.withoutOrders(),
            List.of(read(EHR.resolve("synthea-style-medicationrequest-thalidomide.json"))));
    List<JsonNode> critical = indicator(cards, "critical");
    assertThat(critical).isNotEmpty();
    assertThat(critical.get(0).path("summary").asText()).startsWith("Avoid thalidomide");
    assertThat(critical.get(0).path("detail").asText())
        .contains("Matched by name:")
        .contains("'thalidomide 50 MG Oral Capsule'");
    assertThat(critical.get(0).at("/suggestions/0/actions/0/resourceId/0").asText())
        .isEqualTo("MedicationRequest/5f0c2b7e-1d3a-4c55-9e0b-7a2d9c1e4b10");
    assertThat(cards.toString()).doesNotContain("Not checked");
  }

  @Test
  void orderSign_publishedIgSnomedProductAndContainedMedication_areCritical() throws IOException {
    for (Path order :
        List.of(
            EXTERNAL.resolve(
                "hl7-eu-mpd/MedicationRequest-100C-3-medication-prescription-request1.json"),
            EHR.resolve("ig-style-contained-medication.json"))) {
      JsonNode cards = cards("pcd-order-sign", PoemsBundle.withoutOrders(), List.of(read(order)));
      assertThat(indicator(cards, "critical")).as(order.toString()).isNotEmpty();
      assertThat(cards.toString()).as(order.toString()).doesNotContain("Not checked");
    }
  }

  @Test
  void orderSign_unreadDraftOrder_isAWarningCard_notAnEmptyList() throws IOException {
    // the CDS Hooks 2.0.1 example: a product-coded amoxicillin/clavulanate draft order
    JsonNode draft =
        read(EXTERNAL.resolve("HL7-cds-hooks/2.0.1/request-context-fragment-draftOrders.json"))
            .at("/context/draftOrders/entry/0/resource");
    JsonNode cards = cards("pcd-order-sign", PoemsBundle.withoutOrders(), List.of(draft));
    List<JsonNode> warnings = indicator(cards, "warning");
    assertThat(warnings)
        .anySatisfy(
            c -> {
              assertThat(c.path("summary").asText())
                  .isEqualTo("Not checked: MedicationRequest/123 is not a drug PCD Guide can read");
              assertThat(c.path("detail").asText())
                  .contains("Amoxicillin 120 MG/ML")
                  .contains("not checked against the agents to avoid");
            });
  }

  @Test
  void orderSign_epicStyleMedicationReferenceDisplayOnly_eachOrderSaysNotChecked()
      throws IOException {
    JsonNode context =
        read(
            EXTERNAL.resolve(
                "HL7-cds-hooks/3.0.0-ballot/request-context-fragment-order-sign-epic-style.json"));
    List<JsonNode> drafts = new ArrayList<>();
    context.at("/context/draftOrders/entry").forEach(e -> drafts.add(e.get("resource")));
    JsonNode cards = cards("pcd-order-sign", PoemsBundle.withoutOrders(), drafts);
    assertThat(indicator(cards, "warning"))
        .filteredOn(c -> c.path("summary").asText().startsWith("Not checked"))
        .hasSize(2)
        .anySatisfy(c -> assertThat(c.path("detail").asText()).contains("MERCAPTOPURINE"));
  }

  @Test
  void patientView_unreadDiagnosisCode_isAnInfoCard() throws IOException {
    // a Condition the map does not know (a SNOMED code not in the digest) and nothing else
    ObjectNode condition = JSON.createObjectNode().put("resourceType", "Condition").put("id", "c1");
    condition
        .putObject("code")
        .putArray("coding")
        .addObject()
        .put("system", "http://snomed.info/sct")
        .put("code", "38741000")
        .put("display", "Unmapped example disorder");
    condition.putObject("subject").put("reference", "Patient/p");
    JsonNode patient = PoemsBundle.withoutOrders().get(0);
    JsonNode cards = cards("pcd-patient-view", List.of(patient, condition), List.of());
    assertThat(cards).isNotEmpty();
    assertThat(indicator(cards, "info"))
        .anySatisfy(
            c -> {
              assertThat(c.path("summary").asText())
                  .isEqualTo("Not checked: 1 record with codes PCD Guide does not read");
              assertThat(c.path("detail").asText())
                  .contains("Condition/c1.code")
                  .contains("http://snomed.info/sct|38741000");
            });
  }
}
