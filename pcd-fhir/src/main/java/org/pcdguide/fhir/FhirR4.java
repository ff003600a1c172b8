package org.pcdguide.fhir;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parts of the FHIR R4 specification that the JSON door checks itself, where HAPI's parser used
 * to: the resource type names, and the required code sets of the status, intent and gender elements
 * the mapping reads. Written out rather than taken from HAPI so that the door never loads HAPI's
 * model; JsonResourceCaseSourceTest checks them against HAPI's R4 model.
 */
final class FhirR4 {
  private FhirR4() {}

  static final Set<String> RESOURCE_TYPES =
      Set.of(
          ("Account ActivityDefinition AdverseEvent AllergyIntolerance Appointment"
                  + " AppointmentResponse AuditEvent Basic Binary BiologicallyDerivedProduct"
                  + " BodyStructure Bundle CapabilityStatement CarePlan CareTeam CatalogEntry"
                  + " ChargeItem ChargeItemDefinition Claim ClaimResponse ClinicalImpression"
                  + " CodeSystem Communication CommunicationRequest CompartmentDefinition"
                  + " Composition ConceptMap Condition Consent Contract Coverage"
                  + " CoverageEligibilityRequest CoverageEligibilityResponse DetectedIssue Device"
                  + " DeviceDefinition DeviceMetric DeviceRequest DeviceUseStatement"
                  + " DiagnosticReport DocumentManifest DocumentReference EffectEvidenceSynthesis"
                  + " Encounter Endpoint EnrollmentRequest EnrollmentResponse EpisodeOfCare"
                  + " EventDefinition Evidence EvidenceVariable ExampleScenario"
                  + " ExplanationOfBenefit FamilyMemberHistory Flag Goal GraphDefinition Group"
                  + " GuidanceResponse HealthcareService ImagingStudy Immunization"
                  + " ImmunizationEvaluation ImmunizationRecommendation ImplementationGuide"
                  + " InsurancePlan Invoice Library Linkage List Location Measure MeasureReport"
                  + " Media Medication MedicationAdministration MedicationDispense"
                  + " MedicationKnowledge MedicationRequest MedicationStatement MedicinalProduct"
                  + " MedicinalProductAuthorization MedicinalProductContraindication"
                  + " MedicinalProductIndication MedicinalProductIngredient"
                  + " MedicinalProductInteraction MedicinalProductManufactured"
                  + " MedicinalProductPackaged MedicinalProductPharmaceutical"
                  + " MedicinalProductUndesirableEffect MessageDefinition MessageHeader"
                  + " MolecularSequence NamingSystem NutritionOrder Observation"
                  + " ObservationDefinition OperationDefinition OperationOutcome Organization"
                  + " OrganizationAffiliation Parameters Patient PaymentNotice"
                  + " PaymentReconciliation Person PlanDefinition Practitioner PractitionerRole"
                  + " Procedure Provenance Questionnaire QuestionnaireResponse RelatedPerson"
                  + " RequestGroup ResearchDefinition ResearchElementDefinition ResearchStudy"
                  + " ResearchSubject RiskAssessment RiskEvidenceSynthesis Schedule"
                  + " SearchParameter ServiceRequest Slot Specimen SpecimenDefinition"
                  + " StructureDefinition StructureMap Subscription Substance"
                  + " SubstanceNucleicAcid SubstancePolymer SubstanceProtein"
                  + " SubstanceReferenceInformation SubstanceSourceMaterial"
                  + " SubstanceSpecification SupplyDelivery SupplyRequest Task"
                  + " TerminologyCapabilities TestReport TestScript ValueSet VerificationResult"
                  + " VisionPrescription")
              .split(" "));

  /** The value[x] names of Extension for primitive types. */
  static final Set<String> EXTENSION_PRIMITIVES =
      values(
          "Base64Binary Boolean Canonical Code Date DateTime Decimal Id Instant Integer Markdown"
              + " Oid PositiveInt String Time UnsignedInt Uri Url Uuid Xhtml");

  /** The value[x] names of Extension that HAPI's R4 parser reads (every R4 data type). */
  static final Set<String> EXTENSION_VALUES =
      Stream.concat(
              EXTENSION_PRIMITIVES.stream(),
              values(
                  "Address Age Annotation Attachment CodeableConcept Coding ContactPoint Count"
                      + " Distance Duration HumanName Identifier Money Period Quantity Range"
                      + " Ratio Reference SampledData Signature Timing ContactDetail Contributor"
                      + " DataRequirement Expression ParameterDefinition RelatedArtifact"
                      + " TriggerDefinition UsageContext Dosage Meta Extension Narrative"
                      + " ElementDefinition MarketingStatus Population ProdCharacteristic"
                      + " ProductShelfLife SubstanceAmount")
                  .stream())
          .collect(Collectors.toUnmodifiableSet());

  private static Set<String> values(String types) {
    return Stream.of(types.split(" "))
        .map(type -> "value" + type)
        .collect(Collectors.toUnmodifiableSet());
  }

  static final List<String> OBSERVATION_STATUS =
      List.of(
          "registered",
          "preliminary",
          "final",
          "amended",
          "corrected",
          "cancelled",
          "entered-in-error",
          "unknown");

  static final List<String> MEDICATION_REQUEST_STATUS =
      List.of(
          "active",
          "on-hold",
          "cancelled",
          "completed",
          "entered-in-error",
          "stopped",
          "draft",
          "unknown");

  static final List<String> MEDICATION_REQUEST_INTENT =
      List.of(
          "proposal",
          "plan",
          "order",
          "original-order",
          "reflex-order",
          "filler-order",
          "instance-order",
          "option");

  static final List<String> SERVICE_REQUEST_STATUS =
      List.of("draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown");

  static final List<String> SERVICE_REQUEST_INTENT =
      List.of(
          "proposal",
          "plan",
          "directive",
          "order",
          "original-order",
          "reflex-order",
          "filler-order",
          "instance-order",
          "option");

  static final List<String> MEDICATION_STATEMENT_STATUS =
      List.of(
          "active",
          "completed",
          "entered-in-error",
          "intended",
          "stopped",
          "on-hold",
          "unknown",
          "not-taken");

  static final List<String> PROCEDURE_STATUS =
      List.of(
          "preparation",
          "in-progress",
          "not-done",
          "on-hold",
          "stopped",
          "completed",
          "entered-in-error",
          "unknown");

  static final List<String> GENDER = List.of("male", "female", "other", "unknown");
}
