package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The FHIR door for resources that are already parsed as JSON (CDS Hooks prefetch, bulk NDJSON
 * lines): one patient's resources in, the same {@link PatientCase} the Bundle door gives out. It
 * reads the JSON directly, without HAPI's model, and checks each value it reads (dates, decimals,
 * booleans, codes); fields it does not read may carry any quirk a real sender has. Immutable and
 * thread-safe: share one instance.
 */
public final class JsonResourceCaseSource {
  private final Vocabulary vocabulary;
  private final FhirCodes codes;
  private final Drugs drugs;

  public JsonResourceCaseSource(Vocabulary vocabulary, Terminology terminology) {
    this.vocabulary = vocabulary;
    this.codes = new FhirCodes(terminology);
    this.drugs = new Drugs(codes, AgentNames.of(vocabulary, terminology));
  }

  /**
   * One patient's resources (each a FHIR R4 resource object) as a case with id "".
   *
   * @throws CaseFormatException with every problem found
   */
  public PatientCase read(String name, List<JsonNode> resources, Optional<LocalDate> asOf) {
    List<Problem> problems = new ArrayList<>();
    List<FhirResource> checked = resources(resources, problems);
    return read(name, "", checked, asOf, problems);
  }

  /** Draft orders that map to a vocabulary agent or regimen: "MedicationRequest/1" to its id. */
  public Map<String, String> orders(String name, List<JsonNode> resources) {
    List<Problem> problems = new ArrayList<>();
    List<FhirResource> checked = resources(resources, problems);
    if (!problems.isEmpty()) {
      throw new CaseFormatException(name, problems);
    }
    return orders(checked);
  }

  /** The case of resources already checked; {@code problems} may hold problems found before. */
  PatientCase read(
      String name,
      String id,
      List<FhirResource> resources,
      Optional<LocalDate> asOf,
      List<Problem> problems) {
    BundleMapping mapping = new BundleMapping(vocabulary, drugs, resources, asOf);
    PatientCase c = mapping.map(id);
    problems.addAll(mapping.problems());
    if (!problems.isEmpty()) {
      throw new CaseFormatException(name, problems);
    }
    return c;
  }

  Map<String, String> orders(List<FhirResource> resources) {
    BundleMapping mapping = new BundleMapping(vocabulary, drugs, resources, Optional.empty());
    Map<String, String> orders = new LinkedHashMap<>();
    for (FhirResource r : resources) {
      Optional<String> therapy =
          switch (r.type()) {
            case "MedicationRequest" -> first(drugs.of(r.json(), mapping::resolve));
            case "ServiceRequest" ->
                codes
                    .concept(FhirJson.one(r.json(), "code"), "agent", "regimen")
                    .map(FhirCodes::id);
            default -> Optional.empty();
          };
      therapy
          .filter(vocabulary::isTherapy)
          // "null" for an order without id, as the key was when HAPI gave the id part
          .ifPresent(id -> orders.put(r.type() + "/" + r.idPart().orElse("null"), id));
    }
    return orders;
  }

  /** The first therapy a drug was read as (by code, ingredient code or name). */
  private static Optional<String> first(Drugs.Drug drug) {
    if (!drug.coded().isEmpty()) {
      return Optional.of(FhirCodes.id(drug.coded().get(0)));
    }
    return drug.named().stream().findFirst().map(AgentNames.Match::agent);
  }

  /** The resources that are FHIR R4 resource objects; a problem for each that is not. */
  private static List<FhirResource> resources(List<JsonNode> resources, List<Problem> problems) {
    List<FhirResource> checked = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      JsonNode r = resources.get(i);
      if (r == null || !r.isObject()) {
        problems.add(
            new Problem(
                "resources[" + i + "]", "not a FHIR resource (a JSON object with a resourceType)"));
      } else if (!r.path("resourceType").isTextual()) {
        problems.add(
            new Problem("resources[" + i + "].resourceType", "missing: not a FHIR resource"));
      } else if (!FhirR4.RESOURCE_TYPES.contains(r.path("resourceType").textValue())) {
        problems.add(
            new Problem(
                "resources[" + i + "].resourceType",
                "'"
                    + r.path("resourceType").textValue()
                    + "' is not a FHIR R4 resource type (an older FHIR version?)"));
      } else {
        checked.add(FhirResource.of(r, ""));
      }
    }
    return checked;
  }
}
