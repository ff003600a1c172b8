package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The FHIR door for resources that are already parsed as JSON (CDS Hooks prefetch, bulk NDJSON
 * lines): one patient's resources in, the same {@link PatientCase} the Bundle door gives out.
 */
public final class JsonResourceCaseSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HapiBundleCaseSource bundles;

  public JsonResourceCaseSource(Vocabulary vocabulary, Terminology terminology) {
    this.bundles = new HapiBundleCaseSource(vocabulary, terminology);
  }

  /** One patient's resources (each a FHIR R4 resource object) as a case. */
  public PatientCase read(String name, List<JsonNode> resources, Optional<LocalDate> asOf) {
    return bundles.read(name, bundle(resources), asOf);
  }

  /** Draft orders that map to a vocabulary agent or regimen: "MedicationRequest/1" to its id. */
  public Map<String, String> orders(String name, List<JsonNode> resources) {
    return bundles.orders(name, bundle(resources));
  }

  private static byte[] bundle(List<JsonNode> resources) {
    ObjectNode bundle =
        JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    resources.forEach(r -> entries.addObject().set("resource", r));
    return bundle.toString().getBytes(StandardCharsets.UTF_8);
  }
}
