package org.pcdguide.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README example patient (examples/poems-disseminated.fhir.json: POEMS criteria met,
 * disseminated, neuropathy) as the issue 14 tests send it to every door (the FHIR reader, CDS
 * Hooks, bulk screening) before adding a draft order coded some other way: without its
 * ingredient-coded MedicationRequest, and its POEMS Condition coded with the bare ORPHAcode over
 * https, as EHRs send it.
 */
public final class PoemsBundle {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tests run in their module's folder, one level below the repository root. */
  private static final Path EXAMPLE = Path.of("../examples/poems-disseminated.fhir.json");

  private PoemsBundle() {}

  /** Its resources, in the example's order, as a new list of new copies a test may change. */
  public static List<JsonNode> withoutOrders() {
    JsonNode bundle;
    try {
      bundle = JSON.readTree(Files.readString(EXAMPLE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : bundle.get("entry")) {
      JsonNode r = e.get("resource").deepCopy();
      if (r.path("resourceType").asText().equals("MedicationRequest")) {
        continue;
      }
      JsonNode coding = r.at("/code/coding/0");
      if (coding.path("code").asText().equals("ORPHA:2905")) {
        ((ObjectNode) coding).put("system", "https://www.orpha.net").put("code", "2905");
      }
      out.add(r);
    }
    return out;
  }
}
