package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.cases.UnitConversion;
import org.pcdguide.core.cases.Units;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Observations: labs (LOINC or local codes) with UCUM quantities converted to the vocabulary's unit
 * and their reference range; VEGF takes its specimen (serum or plasma) from Observation.specimen;
 * clonality and transplant eligibility come as local coded observations.
 */
record ObservationMapping(BundleMapping m) {
  private static final List<String> FINAL = List.of("final", "amended", "corrected");

  void map(FhirResource r) {
    JsonNode o = r.json();
    Optional<Terminology.Code> concept = m.codes.concept(FhirJson.one(o, "code"), "lab", "obs");
    if (concept.isEmpty()) {
      return; // vital signs, social history and the like: nothing the pack uses
    }
    String path = r.path();
    Optional<String> status =
        FhirPrimitives.code(
            FhirJson.one(o, "status"), FhirR4.OBSERVATION_STATUS, path, ".status", m.problems);
    if (status.isEmpty() || !FINAL.contains(status.get())) {
      m.notes.add(
          new Problem(path, "status " + status.orElse("missing") + ": only final results count"));
      return;
    }
    if (!concept.get().verified()) {
      m.notes.add(FhirCodes.unverified(path + ".code", concept.get()));
    }
    String id = FhirCodes.id(concept.get());
    if (FhirCodes.isKind(concept.get(), "obs")) {
      coded(o, id, path);
      return;
    }
    if (id.equals("vegf")) {
      Optional<String> specimen = specimen(o);
      if (specimen.isEmpty()) {
        m.notes.add(
            new Problem(
                path + ".specimen",
                "VEGF without a serum or plasma specimen: not used (the cut-offs differ)"));
        return;
      }
      id = "vegf-" + specimen.get();
    }
    lab(o, id, path);
  }

  private void lab(JsonNode o, String id, String path) {
    Vocabulary.LabDef def = m.vocabulary.labs().get(id);
    if (def == null) {
      m.notes.add(
          new Problem(
              path + ".code",
              "'" + id + "' is not a lab of the vocabulary; not used",
              Problem.Kind.NOT_CHECKED));
      return;
    }
    JsonNode q = FhirJson.one(o, "valueQuantity");
    Optional<Double> stated =
        FhirPrimitives.decimal(FhirJson.one(q, "value"), path, ".valueQuantity.value", m.problems);
    if (stated.isEmpty()) {
      m.notes.add(new Problem(path + ".value", id + " has no quantity value; not used"));
      return;
    }
    Optional<String> unit = unit(q);
    if (unit.isEmpty()) {
      m.notes.add(new Problem(path + ".valueQuantity", id + " has no unit; not used"));
      return;
    }
    Optional<Double> value = converted(stated.get(), q, unit.get(), id, def, path);
    if (value.isEmpty()) {
      return;
    }
    JsonNode range = FhirJson.one(o, "referenceRange");
    Optional<Double> low = limit(range, "low", unit.get(), def, path);
    Optional<Double> high = limit(range, "high", unit.get(), def, path);
    Optional<LocalDate> date = effective(o, path);
    m.labs.add(new Lab(id, value.get(), def.unit(), date, low, high, stated.get(), unit.get()));
  }

  /** The value in the vocabulary's unit; a note, or a problem, when there is none. */
  private Optional<Double> converted(
      double stated, JsonNode q, String unit, String id, Vocabulary.LabDef def, String path) {
    UnitConversion value = Units.conversion(stated, unit, def.unit());
    if (value instanceof UnitConversion.Refused r) {
      m.problems.add(new Problem(path + ".valueQuantity." + unitField(q), Units.refusal(unit, r)));
      return Optional.empty();
    }
    if (value instanceof UnitConversion.OutOfRange) {
      m.problems.add(
          new Problem(path + ".valueQuantity.value", Units.outOfRange(stated, unit, def.unit())));
      return Optional.empty();
    }
    if (!(value instanceof UnitConversion.Converted converted) || stated < 0) {
      m.notes.add(
          new Problem(
              path + ".valueQuantity.code",
              "'" + unit + "' is not a unit of " + id + " (use " + def.unit() + "); not used"));
      return Optional.empty();
    }
    return Optional.of(converted.value());
  }

  /** A Quantity's unit: its UCUM code, else its human-readable unit. */
  private static Optional<String> unit(JsonNode q) {
    return FhirJson.code(q, "code")
        .filter(code -> !code.isEmpty())
        .or(() -> FhirJson.text(q, "unit"));
  }

  /** Which field of a Quantity its unit was read from. */
  private static String unitField(JsonNode q) {
    return FhirJson.code(q, "code").filter(code -> !code.isEmpty()).isPresent() ? "code" : "unit";
  }

  /** A reference range limit in the lab's unit; a limit without a unit is in the result's. */
  private Optional<Double> limit(
      JsonNode range, String field, String unit, Vocabulary.LabDef def, String path) {
    JsonNode q = FhirJson.one(range, field);
    String at = ".referenceRange." + field; // joined to the resource's path only for a problem
    Optional<Double> value =
        FhirPrimitives.decimal(FhirJson.one(q, "value"), path, at + ".value", m.problems);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String limitUnit = unit(q).orElse(unit);
    UnitConversion c = Units.conversion(value.get(), limitUnit, def.unit());
    if (c instanceof UnitConversion.Refused r) {
      m.problems.add(new Problem(path + at + "." + unitField(q), Units.refusal(limitUnit, r)));
    } else if (c instanceof UnitConversion.OutOfRange) {
      m.problems.add(
          new Problem(path + at + ".value", Units.outOfRange(value.get(), limitUnit, def.unit())));
    }
    return c instanceof UnitConversion.Converted converted
        ? Optional.of(converted.value())
        : Optional.empty();
  }

  private void coded(JsonNode o, String id, String path) {
    BundleMapping.ClinicalObservations c = m.clinical;
    switch (id) {
      case "transplant-eligible" -> c.transplantEligible = bool(o, path);
      case "polyclonal-hypergammaglobulinemia" -> c.hypergamma = bool(o, path);
      case "history-reviewed" -> m.historyStated = bool(o, path).orElse(false);
      case "m-protein" -> {
        c.mProtein = bool(o, path);
        for (JsonNode comp : FhirJson.list(o, "component")) {
          String part = part(comp);
          Optional<String> text = FhirJson.text(comp, "valueString");
          if (part.equals("heavy-chain") && text.isPresent()) {
            c.heavy = text;
          } else if (part.equals("light-chain") && text.isPresent()) {
            c.light = text;
          }
        }
      }
      case "plasma-cell-ihc" -> {
        for (JsonNode comp : FhirJson.list(o, "component")) {
          String part = part(comp);
          if (part.equals("kappa")) {
            c.kappa = bool(comp, path + ".component[kappa]");
          } else if (part.equals("lambda")) {
            c.lambda = bool(comp, path + ".component[lambda]");
          }
        }
      }
      default ->
          m.notes.add(
              new Problem(path + ".code", "local code '" + id + "' is not used by the mapping"));
    }
  }

  private String part(JsonNode component) {
    return m.codes.concept(FhirJson.one(component, "code"), "obs").map(FhirCodes::id).orElse("");
  }

  /** The valueBoolean of an observation or component; a note when there is none. */
  private Optional<Boolean> bool(JsonNode holder, String path) {
    Optional<Boolean> value =
        FhirPrimitives.bool(
            FhirJson.one(holder, "valueBoolean"), path, ".valueBoolean", m.problems);
    if (value.isEmpty()) {
      m.notes.add(new Problem(path + ".value", "expected valueBoolean; not used"));
    }
    return value;
  }

  private Optional<String> specimen(JsonNode o) {
    JsonNode ref = FhirJson.one(o, "specimen");
    Optional<FhirResource> target =
        FhirJson.text(ref, "reference").flatMap(reference -> m.resolve(reference, "Specimen"));
    if (target.isPresent()) {
      JsonNode type = FhirJson.one(target.get().json(), "type");
      Optional<String> coded = m.codes.concept(type, "specimen").map(FhirCodes::id);
      if (coded.isPresent()) {
        return coded;
      }
      Optional<String> named = serumOrPlasma(FhirJson.text(type, "text").orElse(""));
      if (named.isPresent()) {
        return named;
      }
    }
    return serumOrPlasma(FhirJson.text(ref, "display").orElse(""));
  }

  private static Optional<String> serumOrPlasma(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("plasma")
        ? Optional.of("plasma")
        : lower.contains("serum") ? Optional.of("serum") : Optional.empty();
  }

  /** When the result was taken: effectiveDateTime, else the period's start, else issued. */
  private Optional<LocalDate> effective(JsonNode o, String path) {
    if (FhirJson.has(o, "effectiveDateTime")) {
      return FhirPrimitives.date(
          FhirJson.one(o, "effectiveDateTime"), path, ".effectiveDateTime", m.problems);
    }
    JsonNode period = FhirJson.one(o, "effectivePeriod");
    if (FhirJson.text(period, "start").isPresent()) {
      return FhirPrimitives.date(
          FhirJson.one(period, "start"), path, ".effectivePeriod.start", m.problems);
    }
    return FhirPrimitives.date(FhirJson.one(o, "issued"), path, ".issued", m.problems);
  }
}
