package org.pcdguide.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.cases.Units;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Observations: labs (LOINC or local codes) with UCUM quantities converted to the vocabulary's unit
 * and their reference range; VEGF takes its specimen (serum or plasma) from Observation.specimen;
 * clonality and transplant eligibility come as local coded observations.
 */
record ObservationMapping(BundleMapping m) {
  private static final List<String> FINAL = List.of("final", "amended", "corrected");

  void map(Observation o) {
    String path = BundleMapping.path(o);
    Optional<Terminology.Code> concept = m.codes.concept(o.getCode(), "lab", "obs");
    if (concept.isEmpty()) {
      return; // vital signs, social history and the like: nothing the pack uses
    }
    if (!o.hasStatus() || !FINAL.contains(o.getStatus().toCode())) {
      m.notes.add(
          new Problem(
              path,
              "status "
                  + (o.hasStatus() ? o.getStatus().toCode() : "missing")
                  + ": only final results count"));
      return;
    }
    if (!concept.get().verified()) {
      m.notes.add(FhirCodes.unverified(path + ".code", concept.get()));
    }
    String id = FhirCodes.id(concept.get());
    if (FhirCodes.kind(concept.get()).equals("obs")) {
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

  private void lab(Observation o, String id, String path) {
    Vocabulary.LabDef def = m.vocabulary.labs().get(id);
    if (def == null) {
      m.notes.add(
          new Problem(path + ".code", "'" + id + "' is not a lab of the vocabulary; not used"));
      return;
    }
    if (!(o.getValue() instanceof Quantity q) || !q.hasValue()) {
      m.notes.add(new Problem(path + ".value", id + " has no quantity value; not used"));
      return;
    }
    String unit = q.hasCode() ? q.getCode() : q.getUnit();
    if (unit == null) {
      m.notes.add(new Problem(path + ".valueQuantity", id + " has no unit; not used"));
      return;
    }
    double stated = q.getValue().doubleValue();
    Optional<Double> value = Units.convert(stated, unit, def.unit());
    if (value.isEmpty() || stated < 0) {
      m.notes.add(
          new Problem(
              path + ".valueQuantity.code",
              "'" + unit + "' is not a unit of " + id + " (use " + def.unit() + "); not used"));
      return;
    }
    Optional<Double> low = Optional.empty();
    Optional<Double> high = Optional.empty();
    if (o.hasReferenceRange()) {
      Observation.ObservationReferenceRangeComponent rr = o.getReferenceRangeFirstRep();
      low = limit(rr.getLow(), unit, def.unit());
      high = limit(rr.getHigh(), unit, def.unit());
    }
    Optional<LocalDate> date = effective(o);
    m.labs.add(new Lab(id, value.get(), def.unit(), date, low, high, stated, unit));
  }

  private static Optional<Double> limit(Quantity q, String unit, String target) {
    if (q == null || !q.hasValue()) {
      return Optional.empty();
    }
    String u = q.hasCode() ? q.getCode() : (q.hasUnit() ? q.getUnit() : unit);
    return Units.convert(q.getValue().doubleValue(), u, target);
  }

  private void coded(Observation o, String id, String path) {
    BundleMapping.ClinicalObservations c = m.clinical;
    switch (id) {
      case "transplant-eligible" -> c.transplantEligible = bool(o.getValue(), path);
      case "polyclonal-hypergammaglobulinemia" -> c.hypergamma = bool(o.getValue(), path);
      case "history-reviewed" -> m.historyStated = bool(o.getValue(), path).orElse(false);
      case "m-protein" -> {
        c.mProtein = bool(o.getValue(), path);
        for (Observation.ObservationComponentComponent comp : o.getComponent()) {
          String part = m.codes.concept(comp.getCode(), "obs").map(FhirCodes::id).orElse("");
          String text = comp.getValue() instanceof StringType s ? s.getValue() : null;
          if (part.equals("heavy-chain") && text != null) {
            c.heavy = Optional.of(text);
          } else if (part.equals("light-chain") && text != null) {
            c.light = Optional.of(text);
          }
        }
      }
      case "plasma-cell-ihc" -> {
        for (Observation.ObservationComponentComponent comp : o.getComponent()) {
          String part = m.codes.concept(comp.getCode(), "obs").map(FhirCodes::id).orElse("");
          if (part.equals("kappa")) {
            c.kappa = bool(comp.getValue(), path + ".component[kappa]");
          } else if (part.equals("lambda")) {
            c.lambda = bool(comp.getValue(), path + ".component[lambda]");
          }
        }
      }
      default ->
          m.notes.add(
              new Problem(path + ".code", "local code '" + id + "' is not used by the mapping"));
    }
  }

  private Optional<Boolean> bool(Type value, String path) {
    if (value instanceof BooleanType b && b.hasValue()) {
      return Optional.of(b.booleanValue());
    }
    m.notes.add(new Problem(path + ".value", "expected valueBoolean; not used"));
    return Optional.empty();
  }

  private Optional<String> specimen(Observation o) {
    if (!o.hasSpecimen()) {
      return Optional.empty();
    }
    Reference ref = o.getSpecimen();
    Resource target = resolve(ref);
    if (target instanceof Specimen s && s.hasType()) {
      Optional<String> coded = m.codes.concept(s.getType(), "specimen").map(FhirCodes::id);
      if (coded.isPresent()) {
        return coded;
      }
      String text =
          (s.getType().getText() == null ? "" : s.getType().getText())
              .toLowerCase(java.util.Locale.ROOT);
      if (text.contains("plasma")) {
        return Optional.of("plasma");
      }
      if (text.contains("serum")) {
        return Optional.of("serum");
      }
    }
    String display = ref.hasDisplay() ? ref.getDisplay().toLowerCase(java.util.Locale.ROOT) : "";
    return display.contains("plasma")
        ? Optional.of("plasma")
        : display.contains("serum") ? Optional.of("serum") : Optional.empty();
  }

  private Resource resolve(Reference ref) {
    String target = ref.getReference();
    if (target == null) {
      return null;
    }
    for (org.hl7.fhir.r4.model.Bundle.BundleEntryComponent e : m.bundle.getEntry()) {
      Resource r = e.getResource();
      if (r == null) {
        continue;
      }
      if (target.equals(e.getFullUrl())
          || target.equals(r.fhirType() + "/" + r.getIdElement().getIdPart())) {
        return r;
      }
    }
    return null;
  }

  static Optional<LocalDate> effective(Observation o) {
    if (o.hasEffectiveDateTimeType()) {
      return BundleMapping.date(o.getEffectiveDateTimeType().getValue());
    }
    if (o.hasEffectivePeriod() && o.getEffectivePeriod().hasStart()) {
      return BundleMapping.date(o.getEffectivePeriod().getStart());
    }
    return o.hasIssued() ? BundleMapping.date(o.getIssued()) : Optional.empty();
  }
}
