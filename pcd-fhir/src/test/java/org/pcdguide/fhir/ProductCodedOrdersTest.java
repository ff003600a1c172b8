package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.testkit.PoemsBundle;

/**
 * Issue 14 (EHR codes as EHRs send them): a draft thalidomide order for a POEMS patient coded as
 * EHRs send it (the diagnosis as a bare ORPHAcode over https; the drug as a product: Synthea's
 * RxNorm clinical drug, a published IG's SNOMED CT product, a contained Medication with an
 * ingredient code, a Bundle Medication with a brand name) is read as thalidomide and is a critical
 * flag, as the ingredient-coded order of the example is; a product that names no agent keeps the
 * "not checked" note; ICD-10-CM codes are read with or without the dot.
 */
class ProductCodedOrdersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EHR = Path.of("src/test/resources/ehr");
  private static final Path EXTERNAL = Path.of("../test-data/external");
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final JsonResourceCaseSource DOOR =
      new JsonResourceCaseSource(
          BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);

  static JsonNode read(Path file) throws IOException {
    return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static PatientCase withOrder(JsonNode... resources) throws IOException {
    List<JsonNode> all = PoemsBundle.withoutOrders();
    all.addAll(List.of(resources));
    return DOOR.read("test", all, Optional.of(AS_OF));
  }

  private static void assertCriticalThalidomide(PatientCase c) {
    assertThat(c.diagnosis()).contains("poems-syndrome");
    assertThat(c.proposed()).containsExactly("thalidomide");
    Assessment a = Engine.assess(c, BundleRoundTripTest.PACK, AS_OF);
    assertThat(a.avoid())
        .as("a critical avoid entry hit by the proposed thalidomide")
        .anySatisfy(
            i -> {
              assertThat(i.proposed()).contains("thalidomide");
              assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
            });
  }

  @Test
  void syntheaProductCodedOrder_isReadByIngredientName_andIsCritical() throws IOException {
    PatientCase c =
        withOrder(read(EHR.resolve("synthea-style-medicationrequest-thalidomide.json")));
    assertCriticalThalidomide(c);
    assertThat(c.notes())
        .anySatisfy(
            n ->
                assertThat(n.message())
                    .contains("'thalidomide 50 MG Oral Capsule'")
                    .contains("matched by name to Thalidomide (ingredient name"));
  }

  @Test
  void publishedIgSnomedProductOrder_intentOption_isReadByName_andIsCritical() throws IOException {
    // HL7 Europe MPD: SNOMED CT product 376255008, status active, intent option (copied unchanged)
    PatientCase c =
        withOrder(
            read(
                EXTERNAL.resolve(
                    "hl7-eu-mpd/MedicationRequest-100C-3-medication-prescription-request1.json")));
    assertCriticalThalidomide(c);
    assertThat(c.notes())
        .anySatisfy(n -> assertThat(n.message()).contains("matched by name to Thalidomide"));
  }

  @Test
  void containedMedicationWithIngredientCode_isReadByCode_notByName() throws IOException {
    PatientCase c = withOrder(read(EHR.resolve("ig-style-contained-medication.json")));
    assertCriticalThalidomide(c);
    assertThat(c.notes()).noneMatch(n -> n.message().contains("matched by name"));
  }

  @Test
  void bundleMedicationWithBrandName_isReadByBrand_citingItsSource() throws IOException {
    List<JsonNode> resources = new ArrayList<>();
    read(EHR.resolve("ig-style-bundle-medication-brand.json"))
        .get("entry")
        .forEach(e -> resources.add(e.get("resource")));
    PatientCase c = withOrder(resources.toArray(JsonNode[]::new));
    assertCriticalThalidomide(c);
    assertThat(c.notes())
        .anySatisfy(
            n ->
                assertThat(n.message())
                    .contains("matched by name to Thalidomide (brand name Thalomid, openFDA NDC"));
  }

  @Test
  void hapiBundleDoor_pcdAssess_readsTheBrandBundleByFullUrl() throws IOException {
    // what `pcd assess bundle.json` reads: the whole Bundle, references by urn:uuid fullUrl
    ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle");
    bundle.put("type", "collection");
    ArrayNode entry = bundle.putArray("entry");
    PoemsBundle.withoutOrders().forEach(r -> entry.addObject().set("resource", r));
    read(EHR.resolve("ig-style-bundle-medication-brand.json")).get("entry").forEach(entry::add);
    PatientCase c =
        new HapiBundleCaseSource(
                BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY)
            .read(
                "bundle.json",
                bundle.toString().getBytes(StandardCharsets.UTF_8),
                Optional.of(AS_OF));
    assertCriticalThalidomide(c);
  }

  @Test
  void orders_productCodedDraft_isMappedForTheCardSuggestion() throws IOException {
    assertThat(
            DOOR.orders(
                "draftOrders",
                List.of(read(EHR.resolve("synthea-style-medicationrequest-thalidomide.json")))))
        .containsExactly(
            java.util.Map.entry(
                "MedicationRequest/5f0c2b7e-1d3a-4c55-9e0b-7a2d9c1e4b10", "thalidomide"));
  }

  @Test
  void productNamingNoAgent_keepsTheNotCheckedNote() throws IOException {
    // the CDS Hooks 2.0.1 example draft order: amoxicillin/clavulanate, a product-level RxCUI
    JsonNode draft =
        read(EXTERNAL.resolve("HL7-cds-hooks/2.0.1/request-context-fragment-draftOrders.json"))
            .at("/context/draftOrders/entry/0/resource");
    PatientCase c = withOrder(draft);
    assertThat(c.proposed()).isEmpty();
    assertThat(DoorNotes.notChecked(c.notes()))
        .anySatisfy(
            n -> {
              assertThat(n.path()).isEqualTo("MedicationRequest/123.medication");
              assertThat(n.message())
                  .contains("'Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML")
                  .contains("not checked against the agents to avoid");
            });
  }

  @Test
  void unreadOrder_whoseTextQuotesTheDoorsOwnWording_isStillNotChecked() throws IOException {
    // the EHR's text is free: a product whose text reads like the door's "matched by name" note
    // must not pass for a drug that was read (the kind of a note is typed, not found in its words)
    ObjectNode draft =
        (ObjectNode)
            read(EXTERNAL.resolve("HL7-cds-hooks/2.0.1/request-context-fragment-draftOrders.json"))
                .at("/context/draftOrders/entry/0/resource")
                .deepCopy();
    ((ObjectNode) draft.at("/medicationCodeableConcept"))
        .put("text", "tablet matched by name to nothing (no code in the terminology map)");
    ((ObjectNode) draft.at("/medicationCodeableConcept/coding/0"))
        .put("display", "tablet matched by name to nothing");
    PatientCase c = withOrder(draft);
    assertThat(c.proposed()).isEmpty();
    assertThat(DoorNotes.notChecked(c.notes()))
        .extracting(n -> n.path())
        .contains("MedicationRequest/123.medication");
    assertThat(DoorNotes.matchedByName(c.notes())).isEmpty();
  }

  @Test
  void names_matchWholeWordsOnly_pomalidomideIsNotThalidomide() {
    AgentNames names =
        AgentNames.of(BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);
    assertThat(names.find("pomalidomide 4 MG Oral Capsule"))
        .extracting(AgentNames.Match::agent)
        .containsExactly("pomalidomide");
    assertThat(names.find("THALIDOMIDE 50 MG PO CAPS"))
        .extracting(AgentNames.Match::agent)
        .containsExactly("thalidomide");
    assertThat(names.find("Revlimid 10 MG Oral Capsule"))
        .extracting(AgentNames.Match::agent)
        .containsExactly("lenalidomide");
    // tacrolimus is a topical agent of the vocabulary, not an ingredient name it matches
    assertThat(names.find("tacrolimus 1 MG Oral Capsule")).isEmpty();
    assertThat(names.find("lisinopril 10 MG Oral Tablet")).isEmpty();
  }

  @Test
  void icd10cm_withOrWithoutTheDot_isTheSameCode() {
    String icd = "http://hl7.org/fhir/sid/icd-10-cm";
    assertThat(Terminology.key(icd, "C9000")).isEqualTo(icd + "|C90.00");
    assertThat(Terminology.key(icd, "c90.00")).isEqualTo(icd + "|C90.00");
    assertThat(Terminology.key(icd, "D47Z2")).isEqualTo(icd + "|D47.Z2");
    assertThat(Terminology.key(icd, "G6181")).isEqualTo(icd + "|G61.81");
    // a three-character category has no dot to add
    assertThat(Terminology.key(icd, "C90")).isEqualTo(icd + "|C90");
  }

  @Test
  void undottedIcd10cmCondition_isReadWithItsVerificationStatus() throws IOException {
    List<JsonNode> resources = new ArrayList<>();
    resources.add(condition("http://hl7.org/fhir/sid/icd-10-cm", "C9000"));
    resources.add(condition("http://hl7.org/fhir/sid/icd-10-cm", "C9021"));
    PatientCase c = DOOR.read("test", resources, Optional.of(AS_OF));
    assertThat(c.diagnosis()).contains("multiple-myeloma");
    assertThat(c.finding("extramedullary-plasmacytoma"))
        .hasValueSatisfying(f -> assertThat(f.present()).isTrue());
    // C90.00 is verified; C90.21 is believed only [B]: read, with the unverified-code note
    assertThat(c.notes())
        .anySatisfy(n -> assertThat(n.message()).contains("unverified code").contains("C90.21"))
        .noneMatch(n -> n.message().contains("C90.00"));
  }

  private static JsonNode condition(String system, String code) {
    ObjectNode c = JSON.createObjectNode().put("resourceType", "Condition").put("id", code);
    c.putObject("code").putArray("coding").addObject().put("system", system).put("code", code);
    c.putObject("subject").put("reference", "Patient/p");
    return c;
  }
}
