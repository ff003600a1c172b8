package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceLineTest {
  private static final Set<String> TYPES =
      Set.of("Patient", "Condition", "Observation", "Encounter", "Group", "MedicationRequest");

  private static ResourceLine classify(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return ResourceLine.classify(b, b.length, TYPES);
  }

  @Test
  void patientAndSubjectReferences_giveThePatientId() {
    assertThat(classify("{\"resourceType\":\"Patient\",\"id\":\"p1\"}"))
        .extracting(ResourceLine::kind, ResourceLine::patient)
        .containsExactly(ResourceLine.Kind.READ, "p1");
    assertThat(
            classify(
                "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[]},"
                    + "\"subject\":{\"reference\":\"Patient/p2\",\"display\":\"x\"}}"))
        .extracting(ResourceLine::kind, ResourceLine::patient)
        .containsExactly(ResourceLine.Kind.READ, "p2");
    assertThat(
            classify(
                    "{\"subject\":{\"reference\":\"https://ehr.example/fhir/Patient/p3/_history/2\"},"
                        + "\"resourceType\":\"Observation\"}")
                .patient())
        .isEqualTo("p3");
  }

  @Test
  void typesTheDoorDoesNotRead_areSkipped_unknownTypesAreErrors() {
    assertThat(
            classify("{\"resourceType\":\"Encounter\",\"subject\":{\"reference\":\"Patient/1\"}}")
                .kind())
        .isEqualTo(ResourceLine.Kind.SKIPPED);
    ResourceLine unknown = classify("{\"resourceType\":\"MedicationOrder\",\"id\":\"x\"}");
    assertThat(unknown.kind()).isEqualTo(ResourceLine.Kind.ERROR);
    assertThat(unknown.errorKind()).isEqualTo(BulkError.UNKNOWN_TYPE);
    assertThat(unknown.problem()).contains("MedicationOrder");
  }

  @Test
  void badLines_areErrorsThatSayWhy() {
    assertThat(classify("{\"resourceType\":\"Condition\",\"id\":\"c\"").errorKind())
        .isEqualTo(BulkError.MALFORMED);
    assertThat(classify("[1,2]").problem()).isEqualTo("not a JSON object");
    assertThat(classify("{\"id\":\"x\"}").problem()).isEqualTo("no resourceType");
    assertThat(classify("{\"resourceType\":\"Patient\",\"id\":\"a\"} {}").errorKind())
        .isEqualTo(BulkError.MALFORMED);
    ResourceLine noRef = classify("{\"resourceType\":\"Condition\",\"id\":\"c\"}");
    assertThat(noRef.errorKind()).isEqualTo(BulkError.NO_PATIENT);
    assertThat(noRef.problem()).contains("without a subject");
    ResourceLine group =
        classify("{\"resourceType\":\"Condition\",\"subject\":{\"reference\":\"Group/g1\"}}");
    assertThat(group.errorKind()).isEqualTo(BulkError.NO_PATIENT);
    assertThat(group.problem()).contains("Group/g1");
    assertThat(classify("{\"resourceType\":\"Patient\"}").errorKind())
        .isEqualTo(BulkError.NO_PATIENT);
  }
}
