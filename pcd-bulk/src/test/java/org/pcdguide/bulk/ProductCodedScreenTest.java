package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcdguide.fhir.FhirResourceTypes;
import org.pcdguide.testkit.PoemsBundle;

/**
 * Issue 14 through {@code pcd screen}: a POEMS patient (diagnosis coded with the bare ORPHAcode
 * over https) with a draft thalidomide order coded at product level (Synthea's shape, a published
 * IG's SNOMED CT product, a contained Medication) is flagged "avoid-agent-ordered"; pass 1 keeps
 * the product-coded line although its code does not map (the door reads it by name).
 */
class ProductCodedScreenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EHR = Path.of("../pcd-fhir/src/test/resources/ehr");
  private static final Path EXTERNAL = Path.of("../test-data/external");

  /** A bulk export line of an order: the file's resource, for patient "p", on one line. */
  private static String line(Path file) throws IOException {
    ObjectNode r = (ObjectNode) JSON.readTree(Files.readString(file));
    r.putObject("subject").put("reference", "Patient/p");
    return r.toString();
  }

  @Test
  void productCodedThalidomideOrders_areKeptByPass1_andFlagged() throws IOException {
    CodeFilter filter = CodeFilter.of(BundledKnowledge.terminology());
    for (Path order :
        List.of(
            EHR.resolve("synthea-style-medicationrequest-thalidomide.json"),
            EXTERNAL.resolve(
                "hl7-eu-mpd/MedicationRequest-100C-3-medication-prescription-request1.json"),
            EHR.resolve("ig-style-contained-medication.json"))) {
      String orderLine = line(order);
      byte[] bytes = orderLine.getBytes(StandardCharsets.UTF_8);
      assertThat(ResourceLine.classify(bytes, bytes.length, FhirResourceTypes.r4(), filter).kind())
          .as("pass 1 keeps %s", order)
          .isEqualTo(ResourceLine.Kind.READ);
      List<String> lines = new ArrayList<>();
      PoemsBundle.withoutOrders().forEach(r -> lines.add(r.toString()));
      lines.add(orderLine);
      List<Located> located = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        located.add(new Located(0, i + 1, lines.get(i).getBytes(StandardCharsets.UTF_8)));
      }
      PatientResult r =
          new PatientScreen(
                  BundledKnowledge.pack(),
                  BundledKnowledge.terminology(),
                  EmbeddedScreenTest.AS_OF,
                  List.of("export.ndjson"),
                  false)
              .screen("p", located);
      assertThat(r.findings()).as(order.toString()).contains("avoid-agent-ordered");
      assertThat(r.avoidHits()).as(order.toString()).contains("POEMS-AVOID-001");
    }
  }

  @Test
  void productNamingNoAgent_isStillSkippedByPass1() {
    String lisinopril =
        "{\"resourceType\":\"MedicationRequest\",\"id\":\"x\",\"status\":\"active\","
            + "\"intent\":\"order\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
            + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"314076\",\"display\":"
            + "\"lisinopril 10 MG Oral Tablet\"}],\"text\":\"lisinopril 10 MG Oral Tablet\"},"
            + "\"subject\":{\"reference\":\"Patient/p\"}}";
    byte[] bytes = lisinopril.getBytes(StandardCharsets.UTF_8);
    assertThat(
            ResourceLine.classify(
                    bytes,
                    bytes.length,
                    FhirResourceTypes.r4(),
                    CodeFilter.of(BundledKnowledge.terminology()))
                .kind())
        .isEqualTo(ResourceLine.Kind.SKIPPED);
  }
}
