package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One FHIR resource of a patient's data as JSON (an object with a resourceType), with its type and
 * the fullUrl of its Bundle entry, or "" when it did not come in a Bundle.
 */
record FhirResource(String type, JsonNode json, String fullUrl) {

  static FhirResource of(JsonNode json, String fullUrl) {
    return new FhirResource(json.path("resourceType").asText(""), json, fullUrl);
  }

  /**
   * The resource's id, as HAPI gave it: the entry's fullUrl stands in when the resource has none,
   * and replaces it when it is a "urn:" ending with the id (a transaction's "urn:uuid:" + id).
   */
  Optional<String> idPart() {
    Optional<String> id = FhirJson.text(json, "id").flatMap(FhirJson::idPart);
    if (id.isEmpty()) {
      return FhirJson.idPart(fullUrl);
    }
    String i = id.get();
    return fullUrl.startsWith("urn:")
            && fullUrl.length() > i.length()
            && fullUrl.endsWith(i)
            && fullUrl.charAt(fullUrl.length() - i.length() - 1) == ':'
        ? Optional.of(fullUrl)
        : id;
  }

  /** Where problems and notes point: "Observation/123". */
  String path() {
    return type + "/" + idPart().orElse("(no id)");
  }

  /** Whether a reference ("Specimen/1", or a fullUrl such as "urn:uuid:...") points here. */
  boolean isTarget(String reference) {
    if (reference.equals(fullUrl)) {
      return true;
    }
    Optional<String> id = idPart();
    if (id.isEmpty()) {
      return false;
    }
    // reference.equals(type + "/" + id), without building the string
    String i = id.get();
    return reference.length() == type.length() + 1 + i.length()
        && reference.startsWith(type)
        && reference.charAt(type.length()) == '/'
        && reference.endsWith(i);
  }
}
