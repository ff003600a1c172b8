package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;

/** One test per mapping rule of the FHIR door, plus real third-party Bundles read as they are. */
class BundleMappingTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final Path EXTERNAL = Path.of("../test-data/external");
  private final Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
  private int n;

  private BundleMappingTest add(Resource r) {
    r.setId("r" + (++n));
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", n))
        .setResource(r);
    return this;
  }

  private PatientCase read() {
    String json = HapiBundleCaseSource.context().newJsonParser().encodeResourceToString(bundle);
    return read(json);
  }

  private static PatientCase read(String json) {
    return new HapiBundleCaseSource(
            BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY)
        .read("b.json", json.getBytes(StandardCharsets.UTF_8), Optional.of(AS_OF));
  }

  private static CodeableConcept cc(String system, String code) {
    return new CodeableConcept().addCoding(new Coding(system, code, null));
  }

  private static Condition condition(
      String system, String code, String clinical, String verification) {
    Condition c = new Condition();
    c.setCode(cc(system, code));
    c.setSubject(new Reference("Patient/p"));
    if (clinical != null) {
      c.setClinicalStatus(cc("http://terminology.hl7.org/CodeSystem/condition-clinical", clinical));
    }
    if (verification != null) {
      c.setVerificationStatus(
          cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification));
    }
    return c;
  }

  private static Observation hemoglobin(double value, String unit, String date) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(cc("http://loinc.org", "718-7"));
    o.setValue(
        new Quantity()
            .setValue(BigDecimal.valueOf(value))
            .setSystem("http://unitsofmeasure.org")
            .setCode(unit));
    o.setEffective(new DateTimeType(date));
    return o;
  }

  private String local(String concept) {
    return BundleRoundTripTest.TERMINOLOGY.local() + "|" + concept;
  }

  @Test
  void activeConfirmedCondition_isAFinding_andIcd10DiagnosisIsTheLabel() {
    add(condition("http://hl7.org/fhir/sid/icd-10-cm", "C90.00", "active", "confirmed"));
    add(condition("http://hl7.org/fhir/sid/icd-10-cm", "C90.20", "active", "confirmed"));
    PatientCase c = read();
    assertThat(c.diagnosis()).contains("multiple-myeloma");
    assertThat(c.finding("extramedullary-plasmacytoma"))
        .hasValueSatisfying(f -> assertThat(f.present()).isTrue());
  }

  @Test
  void orphanetAsEhrsSendIt_bareOrphacodeOnHttpOrHttps_isPoems() {
    for (String[] coding :
        new String[][] {
          {"http://www.orpha.net", "2905"},
          {"https://www.orpha.net", "2905"},
          {"https://www.orpha.net/", "ORPHA:2905"},
          {"http://www.orpha.net", "Orphanet_2905"}
        }) {
      assertThat(Terminology.key(coding[0], coding[1]))
          .as("%s|%s", coding[0], coding[1])
          .isEqualTo("http://www.orpha.net|ORPHA:2905");
    }
    // a confirmed POEMS Condition coded the way HAPI's example service and HL7 terminology send it,
    // with a draft thalidomide order: the order is a critical flag, as with ORPHA:2905
    add(condition("https://www.orpha.net", "2905", "active", "confirmed"));
    MedicationRequest draft = new MedicationRequest();
    draft.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    draft.setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
    draft.setMedication(cc("http://www.nlm.nih.gov/research/umls/rxnorm", "10432"));
    add(draft);
    PatientCase c = read();
    assertThat(c.diagnosis()).contains("poems-syndrome");
    assertThat(c.proposed()).containsExactly("thalidomide");
    assertThat(c.notes()).noneMatch(p -> p.message().contains("not in the terminology map"));
    // a code that is not an ORPHAcode stays unknown (not silently mapped)
    assertThat(Terminology.key("http://www.orpha.net", "POEMS"))
        .isEqualTo("http://www.orpha.net|POEMS");
  }

  @Test
  void provisionalDiagnosis_statesTheLabel_differentialDoesNot() {
    // issue 14 rule 1: a provisional (working) diagnosis states the disorder, as a case label does
    add(condition("https://www.orpha.net", "2905", "active", "provisional"));
    assertThat(read().diagnosis()).contains("poems-syndrome");
  }

  @Test
  void differentialDiagnosis_isNotTheLabel_andIsListed() {
    add(condition("https://www.orpha.net", "2905", "active", "differential"));
    PatientCase c = read();
    assertThat(c.diagnosis()).isEmpty();
    assertThat(c.notes()).anyMatch(p -> p.message().contains("verification status differential"));
  }

  @Test
  void refutedCondition_isAFindingStatedAbsent() {
    add(
        condition(
            BundleRoundTripTest.TERMINOLOGY.local(),
            "finding:bone-marrow-involvement",
            "inactive",
            "refuted"));
    assertThat(read().finding("bone-marrow-involvement"))
        .hasValueSatisfying(f -> assertThat(f.present()).isFalse());
  }

  @Test
  void resolvedAndEnteredInErrorConditions_doNotCount_andAreListed() {
    add(
        condition(
            BundleRoundTripTest.TERMINOLOGY.local(),
            "finding:papilledema",
            "resolved",
            "confirmed"));
    add(
        condition(
            BundleRoundTripTest.TERMINOLOGY.local(),
            "finding:organomegaly",
            null,
            "entered-in-error"));
    add(
        condition(
            BundleRoundTripTest.TERMINOLOGY.local(),
            "finding:polycythemia",
            "active",
            "provisional"));
    PatientCase c = read();
    assertThat(c.findings()).isEmpty();
    assertThat(c.notes())
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("resolved"))
        .anyMatch(m -> m.contains("entered-in-error"))
        .anyMatch(m -> m.contains("provisional"));
  }

  @Test
  void unknownConditionCode_isAWarningOfTheAssessment() {
    add(condition("http://snomed.info/sct", "44054006", "active", "confirmed"));
    PatientCase c = read();
    Assessment a = Engine.assess(c, BundleRoundTripTest.PACK, AS_OF);
    assertThat(org.pcdguide.core.render.ReportView.of(a, BundleRoundTripTest.PACK).warnings())
        .anyMatch(
            w ->
                w.id().startsWith("input:Condition/r1")
                    && w.statement().contains("http://snomed.info/sct|44054006"));
  }

  @Test
  void unverifiedCode_isUsedButNeverPresentedAsVerified() {
    add(condition("http://hl7.org/fhir/sid/icd-10-cm", "D47.Z9", "active", "confirmed"));
    PatientCase c = read();
    assertThat(c.diagnosis()).contains("poems-syndrome");
    assertThat(c.notes())
        .anyMatch(
            p -> p.message().contains("unverified code http://hl7.org/fhir/sid/icd-10-cm|D47.Z9"));
  }

  @Test
  void observationInOtherUnits_isConverted_andWrongDimensionIsListed() {
    add(hemoglobin(101, "g/L", "2026-10-01"));
    PatientCase c = read();
    assertThat(c.labs())
        .singleElement()
        .satisfies(
            l -> assertThat(l.value()).isCloseTo(10.1, org.assertj.core.data.Offset.offset(1e-9)));
    BundleMappingTest other = new BundleMappingTest();
    other.add(hemoglobin(6.2, "mmol/L", "2026-10-01"));
    PatientCase d = other.read();
    assertThat(d.labs()).isEmpty();
    assertThat(d.notes())
        .anyMatch(p -> p.message().contains("'mmol/L' is not a unit of hemoglobin"));
  }

  @Test
  void latestFinalObservationAsOfTheAssessmentDate_decides() {
    Observation later = hemoglobin(9.0, "g/dL", "2026-12-01");
    Observation preliminary = hemoglobin(8.0, "g/dL", "2026-10-20");
    preliminary.setStatus(Observation.ObservationStatus.PRELIMINARY);
    add(hemoglobin(11.0, "g/dL", "2026-01-01"))
        .add(hemoglobin(13.0, "g/dL", "2026-10-01"))
        .add(later)
        .add(preliminary);
    PatientCase c = read();
    assertThat(c.latestLab("hemoglobin", AS_OF))
        .hasValueSatisfying(l -> assertThat(l.value()).isEqualTo(13.0));
    assertThat(c.notes()).anyMatch(p -> p.message().contains("preliminary"));
  }

  @Test
  void vegfWithoutSpecimen_isNotUsed_withSpecimenIsPlasmaOrSerum() {
    Observation vegf = new Observation();
    vegf.setStatus(Observation.ObservationStatus.FINAL);
    vegf.setCode(cc("http://loinc.org", "75628-8"));
    vegf.setValue(
        new Quantity()
            .setValue(BigDecimal.valueOf(640))
            .setSystem("http://unitsofmeasure.org")
            .setCode("pg/mL"));
    add(vegf);
    assertThat(read().labs()).isEmpty();
    org.hl7.fhir.r4.model.Specimen plasma = new org.hl7.fhir.r4.model.Specimen();
    plasma.setType(new CodeableConcept().setText("EDTA plasma"));
    add(plasma);
    vegf.setSpecimen(new Reference("Specimen/" + plasma.getIdElement().getIdPart()));
    assertThat(read().labs())
        .singleElement()
        .satisfies(l -> assertThat(l.test()).isEqualTo("vegf-plasma"));
  }

  @Test
  void proposedOrders_areDraftOrActiveProposalsPlansOrOrders() {
    MedicationRequest draft = new MedicationRequest();
    draft.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    draft.setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
    draft.setMedication(cc("http://www.nlm.nih.gov/research/umls/rxnorm", "10432"));
    MedicationRequest completed = new MedicationRequest();
    completed.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
    completed.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    completed.setMedication(cc("http://www.nlm.nih.gov/research/umls/rxnorm", "358258"));
    MedicationRequest unknownDrug = new MedicationRequest();
    unknownDrug.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    unknownDrug.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    unknownDrug.setMedication(cc("http://www.nlm.nih.gov/research/umls/rxnorm", "1191"));
    add(draft).add(completed).add(unknownDrug);
    PatientCase c = read();
    assertThat(c.proposed()).containsExactly("thalidomide");
    assertThat(c.notes())
        .anyMatch(p -> p.message().contains("not checked against the agents to avoid"));
  }

  @Test
  void ageFromBirthDateAsOfTheAssessmentDate() {
    Patient p = new Patient();
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1965-11-02"));
    p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
    add(p);
    PatientCase c = read();
    assertThat(c.patient().age()).contains(60);
    assertThat(c.patient().sex()).isEqualTo("female");
  }

  @Test
  void notABundle_malformed_andNonR4_areClearErrors() {
    assertThatThrownBy(() -> read("{\"resourceType\": \"Patient\", \"id\": \"x\"}"))
        .isInstanceOf(CaseFormatException.class)
        .hasMessageContaining("'Patient' is not a Bundle");
    assertThatThrownBy(() -> read("{\"resourceType\": \"Bundle\", \"entry\": [ {"))
        .isInstanceOf(CaseFormatException.class)
        .hasMessageContaining("not a FHIR R4 JSON resource");
  }

  @Test
  void dstu2DraftOrders_fromTheHookLibrary_areRejectedAsNotR4() throws IOException {
    JsonNode context =
        new ObjectMapper()
            .readTree(
                EXTERNAL
                    .resolve("HL7-cds-hooks-library/1.0.1/order-select-context-dstu2.json")
                    .toFile());
    String draftOrders = context.at("/context/draftOrders").toString();
    assertThatThrownBy(() -> read(draftOrders))
        .isInstanceOf(CaseFormatException.class)
        .hasMessageContaining("MedicationOrder");
  }

  @Test
  void syntheaTransactionBundles_readAsTheyAre() throws IOException {
    try (var files = Files.list(EXTERNAL.resolve("smart-on-fhir-bulk-data-server"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        PatientCase c = read(Files.readString(f));
        assertThat(c.patient().age()).as(f.getFileName().toString()).isPresent();
        assertThat(c.patient().sex()).isIn("female", "male");
        Assessment a = Engine.assess(c, BundleRoundTripTest.PACK, AS_OF);
        assertThat(a.recommendations()).as("no treatment for an unconfirmed disorder").isEmpty();
      }
    }
  }
}
