package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

/** The JSON door's copy of the R4 names and code sets it checks is HAPI's R4 model. */
class FhirR4Test {
  @Test
  void namesAndCodeSets_areThoseOfHapisR4Model() {
    var r4 = HapiBundleCaseSource.context();
    assertThat(FhirR4.RESOURCE_TYPES).containsExactlyInAnyOrderElementsOf(r4.getResourceTypes());
    var value =
        (RuntimeChildChoiceDefinition)
            r4.getElementDefinition(Extension.class).getChildByName("value[x]");
    assertThat(FhirR4.EXTENSION_VALUES)
        .containsExactlyInAnyOrderElementsOf(value.getValidChildNames());
    assertThat(FhirR4.OBSERVATION_STATUS).isEqualTo(codes(Observation.ObservationStatus.values()));
    assertThat(FhirR4.MEDICATION_REQUEST_STATUS)
        .isEqualTo(codes(MedicationRequest.MedicationRequestStatus.values()));
    assertThat(FhirR4.MEDICATION_REQUEST_INTENT)
        .isEqualTo(codes(MedicationRequest.MedicationRequestIntent.values()));
    assertThat(FhirR4.SERVICE_REQUEST_STATUS)
        .isEqualTo(codes(ServiceRequest.ServiceRequestStatus.values()));
    assertThat(FhirR4.SERVICE_REQUEST_INTENT)
        .isEqualTo(codes(ServiceRequest.ServiceRequestIntent.values()));
    assertThat(FhirR4.MEDICATION_STATEMENT_STATUS)
        .isEqualTo(codes(MedicationStatement.MedicationStatementStatus.values()));
    assertThat(FhirR4.PROCEDURE_STATUS).isEqualTo(codes(Procedure.ProcedureStatus.values()));
    assertThat(FhirR4.GENDER).isEqualTo(codes(Enumerations.AdministrativeGender.values()));
  }

  /** The codes of a HAPI enumeration (its toCode()), without its NULL constant. */
  private static List<String> codes(Enum<?>[] values) {
    return Stream.of(values)
        .filter(v -> !v.name().equals("NULL"))
        .map(
            v -> {
              try {
                return (String) v.getClass().getMethod("toCode").invoke(v);
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
