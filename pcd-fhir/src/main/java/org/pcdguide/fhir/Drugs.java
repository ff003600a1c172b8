package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The drug of a MedicationRequest or MedicationStatement as EHRs send it. Its medication[x] is a
 * CodeableConcept, or a reference to a Medication (contained, "#id", or elsewhere in the Bundle or
 * prefetch). Read in this order: a code the terminology map knows (an ingredient RxCUI, a local
 * code); else an ingredient of the Medication with such a code; else, for a product the map does
 * not know (an RxNorm clinical or branded drug, a SNOMED CT product), the ingredient or brand names
 * in the codings' displays, the text, the ingredients' names or the reference's display, which the
 * output shows as "matched by name". Nothing read: the caller says it was not checked.
 */
record Drugs(FhirCodes codes, AgentNames names) {

  /** What was read: mapped codes, else names found; {@code shown} names the drug in a note. */
  record Drug(List<Terminology.Code> coded, List<AgentNames.Match> named, String shown) {
    Drug {
      coded = List.copyOf(coded);
      named = List.copyOf(named);
    }

    boolean read() {
      return !coded.isEmpty() || !named.isEmpty();
    }
  }

  /**
   * The drug of a request or statement; {@code resolve} finds a referenced resource of a type by
   * reference ("Medication/1", a fullUrl).
   */
  Drug of(JsonNode resource, BiFunction<String, String, Optional<FhirResource>> resolve) {
    JsonNode code = MissingNode.getInstance();
    List<JsonNode> ingredients = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    if (FhirJson.has(resource, "medicationCodeableConcept")) {
      code = FhirJson.one(resource, "medicationCodeableConcept");
    } else {
      JsonNode reference = FhirJson.one(resource, "medicationReference");
      Optional<JsonNode> medication =
          FhirJson.text(reference, "reference").flatMap(r -> medication(resource, r, resolve));
      if (medication.isPresent()) {
        code = FhirJson.one(medication.get(), "code");
        for (JsonNode i : FhirJson.list(medication.get(), "ingredient")) {
          ingredients.add(FhirJson.one(i, "itemCodeableConcept"));
        }
      }
      FhirJson.text(reference, "display").ifPresent(texts::add);
    }
    String shown = shown(code, texts);
    Optional<Terminology.Code> mapped = codes.concept(code, "agent", "regimen");
    if (mapped.isPresent()) {
      return new Drug(List.of(mapped.get()), List.of(), shown);
    }
    List<Terminology.Code> byIngredient = new ArrayList<>();
    for (JsonNode i : ingredients) {
      codes.concept(i, "agent").filter(c -> !byIngredient.contains(c)).ifPresent(byIngredient::add);
    }
    if (!byIngredient.isEmpty()) {
      return new Drug(byIngredient, List.of(), shown);
    }
    List<String> all = new ArrayList<>(texts(code));
    ingredients.forEach(i -> all.addAll(texts(i)));
    all.addAll(texts);
    List<AgentNames.Match> named = new ArrayList<>();
    for (String t : all) {
      for (AgentNames.Match m : names.find(t)) {
        if (named.stream().noneMatch(n -> n.agent().equals(m.agent()))) {
          named.add(m);
        }
      }
    }
    return new Drug(List.of(), named, shown);
  }

  /** A contained Medication ("#med1") or one the Bundle or prefetch holds. */
  private static Optional<JsonNode> medication(
      JsonNode resource,
      String reference,
      BiFunction<String, String, Optional<FhirResource>> resolve) {
    if (reference.startsWith("#")) {
      String id = reference.substring(1);
      for (JsonNode c : FhirJson.list(resource, "contained")) {
        if (FhirJson.text(c, "resourceType").filter("Medication"::equals).isPresent()
            && FhirJson.text(c, "id").filter(id::equals).isPresent()) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
    return resolve.apply(reference, "Medication").map(FhirResource::json);
  }

  /** The displays of a CodeableConcept's codings, then its text. */
  private static List<String> texts(JsonNode cc) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : FhirJson.list(cc, "coding")) {
      FhirJson.text(c, "display").ifPresent(out::add);
    }
    FhirJson.text(cc, "text").ifPresent(out::add);
    return out;
  }

  /** The drug as a note names it: its first name in quotes, then its codings. */
  private static String shown(JsonNode code, List<String> referenceDisplay) {
    String codings = FhirCodes.show(code);
    List<String> words = new ArrayList<>(texts(code));
    words.addAll(referenceDisplay);
    if (words.isEmpty()) {
      return codings;
    }
    String named = "'" + words.get(0) + "'";
    return codings.equals("no code") || !FhirJson.has(code, "coding")
        ? named
        : named + " (" + codings + ")";
  }
}
