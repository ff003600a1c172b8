package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Conditions: an active, confirmed (or unstated verification) condition is a present finding or the
 * diagnosis label; a refuted one is a finding stated absent; resolved, inactive, unconfirmed and
 * entered-in-error conditions do not count and are listed as notes.
 */
record ConditionMapping(BundleMapping m) {
  static final String DETAIL = BundleMapping.EXT + "finding-detail-";

  /**
   * value[x] types that HAPI reads as integers (PositiveInt and UnsignedInt extend IntegerType).
   */
  private static final List<String> INTEGER_TYPES =
      List.of("valueInteger", "valuePositiveInt", "valueUnsignedInt");

  void map(FhirResource r) {
    JsonNode c = r.json();
    String path = r.path();
    JsonNode code = FhirJson.one(c, "code");
    List<Terminology.Code> concepts = m.codes.concepts(code);
    if (concepts.isEmpty()) {
      m.notes.add(DoorNotes.unreadCondition(path + ".code", FhirCodes.show(code)));
      return;
    }
    String verification = FhirCodes.firstCode(FhirJson.one(c, "verificationStatus"));
    boolean refuted = verification.equals("refuted");
    Optional<Terminology.Code> finding = first(concepts, "finding");
    Optional<Terminology.Code> diagnosis = first(concepts, "diagnosis");
    boolean asDiagnosis = diagnosis.isPresent() && (encounterDiagnosis(c) || finding.isEmpty());
    // a provisional diagnosis states the disorder as the working diagnosis (issue 14 rule 1); a
    // provisional finding is still not used
    String counted = asDiagnosis && verification.equals("provisional") ? "confirmed" : verification;
    if (!counts(path, counted, FhirCodes.firstCode(FhirJson.one(c, "clinicalStatus")))) {
      return;
    }
    unverified(path, concepts);
    if (asDiagnosis) {
      diagnosis(FhirCodes.id(diagnosis.get()), refuted, path);
    } else if (finding.isEmpty()) {
      m.notes.add(
          new Problem(
              path + ".code",
              "code " + FhirCodes.show(code) + " maps to no finding or diagnosis; not used"));
    } else {
      finding(c, FhirCodes.id(finding.get()), refuted, path);
    }
  }

  /** Whether the verification and clinical status let the condition count; a note if not. */
  private boolean counts(String path, String verification, String clinical) {
    if (verification.equals("entered-in-error")) {
      m.notes.add(new Problem(path, "entered-in-error: not used"));
      return false;
    }
    boolean refuted = verification.equals("refuted");
    if (!refuted && !verification.isEmpty() && !verification.equals("confirmed")) {
      m.notes.add(
          new Problem(
              path,
              "verification status "
                  + verification
                  + ": only confirmed conditions (and provisional diagnoses) count"));
      return false;
    }
    if (!refuted
        && !clinical.isEmpty()
        && !List.of("active", "recurrence", "relapse").contains(clinical)) {
      m.notes.add(
          new Problem(path, "clinical status " + clinical + ": only active conditions count"));
      return false;
    }
    return true;
  }

  private static boolean encounterDiagnosis(JsonNode c) {
    for (JsonNode category : FhirJson.list(c, "category")) {
      for (JsonNode coding : FhirJson.list(category, "coding")) {
        if (FhirJson.code(coding, "code").filter("encounter-diagnosis"::equals).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }

  private void diagnosis(String id, boolean refuted, String path) {
    if (!m.vocabulary.diagnoses().containsKey(id)) {
      m.notes.add(
          new Problem(
              path + ".code", "'" + id + "' is not a diagnosis of the vocabulary; not used"));
    } else if (refuted) {
      m.notes.add(new Problem(path, "refuted diagnosis " + id + ": not used as the label"));
    } else {
      m.diagnoses.add(id);
    }
  }

  private void finding(JsonNode c, String id, boolean refuted, String path) {
    Vocabulary.FindingDef def = m.vocabulary.findings().get(id);
    if (def == null) {
      m.notes.add(
          new Problem(
              path + ".code",
              "'" + id + "' is not a finding of the vocabulary; not used",
              Problem.Kind.NOT_CHECKED));
      return;
    }
    Map<String, Object> details = refuted ? Map.of() : details(c, def, path);
    if (m.findings.containsKey(id) && m.findings.get(id).present() != !refuted) {
      m.notes.add(
          new Problem(
              path, "contradicts another Condition on " + id + "; the present one is kept"));
      if (refuted) {
        return;
      }
    }
    m.findings.put(id, new Finding(id, !refuted, details));
  }

  private Map<String, Object> details(JsonNode c, Vocabulary.FindingDef def, String path) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (def.details().containsKey("severity")) {
      for (JsonNode coding : FhirJson.list(FhirJson.one(c, "severity"), "coding")) {
        for (Terminology.Code code : m.codes.lookup(coding)) {
          if (FhirCodes.isKind(code, "severity")) {
            details.put("severity", FhirCodes.id(code));
          }
        }
      }
    }
    for (JsonNode e : FhirJson.list(c, "extension")) {
      Optional<String> url = FhirJson.url(e).filter(u -> u.startsWith(DETAIL));
      if (url.isPresent()) {
        detail(e, url.get().substring(DETAIL.length()), def, path, details);
      }
    }
    details.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
    return details;
  }

  private void detail(
      JsonNode e, String name, Vocabulary.FindingDef def, String path, Map<String, Object> out) {
    Vocabulary.DetailDef detail = def.details().get(name);
    if (detail == null) {
      m.notes.add(
          new Problem(
              path + ".extension",
              "detail '" + name + "' does not apply to " + def.id() + "; not used"));
      return;
    }
    Optional<Object> value = detailValue(e, detail);
    if (value.isEmpty()) {
      m.problems.add(
          new Problem(
              path + ".extension[" + name + "]",
              "'"
                  + written(e)
                  + "' is not a valid "
                  + detail.type().word()
                  + " value "
                  + detail.values()));
    } else if (detail.type() == Vocabulary.DetailType.ENUM_LIST) {
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) out.computeIfAbsent(name, k -> new ArrayList<String>());
      list.add((String) value.get());
    } else {
      out.put(name, value.get());
    }
  }

  /** A detail's value as the vocabulary types it (Boolean, Long or String); empty if invalid. */
  private static Optional<Object> detailValue(JsonNode e, Vocabulary.DetailDef detail) {
    Optional<String> type = valueX(e);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    JsonNode value = FhirJson.one(e, type.get());
    return switch (detail.type()) {
      case BOOLEAN ->
          type.get().equals("valueBoolean")
              ? FhirPrimitives.parseBoolean(value).map(b -> b)
              : Optional.empty();
      case INTEGER ->
          INTEGER_TYPES.contains(type.get())
              ? FhirPrimitives.parseInteger(value)
                  .filter(i -> i >= detail.min().orElse(Long.MIN_VALUE))
                  .map(i -> (long) i)
              : Optional.empty();
      default ->
          (type.get().equals("valueCode") ? FhirJson.code(value) : FhirJson.text(value))
              .filter(detail.values()::contains)
              .map(t -> t);
    };
  }

  /** The name of the extension's value[x] ("valueCode"), if any; HAPI ignores unknown names. */
  private static Optional<String> valueX(JsonNode e) {
    for (Map.Entry<String, JsonNode> field : e.properties()) {
      if (FhirR4.EXTENSION_VALUES.contains(field.getKey())) {
        return Optional.of(field.getKey());
      }
    }
    return Optional.empty();
  }

  /** An extension's value as written, for a problem ("null" for none, as HAPI showed it). */
  private static String written(JsonNode e) {
    return valueX(e)
        .flatMap(
            type -> {
              JsonNode v = FhirJson.one(e, type);
              if (v.isObject() && !FhirR4.EXTENSION_PRIMITIVES.contains(type)) {
                return Optional.of(v.toString());
              }
              return type.equals("valueCode") ? FhirJson.code(v) : FhirJson.text(v);
            })
        .orElse("null");
  }

  private void unverified(String path, List<Terminology.Code> concepts) {
    for (Terminology.Code c : concepts) {
      if (!c.verified()) {
        m.notes.add(FhirCodes.unverified(path + ".code", c));
      }
    }
  }

  private static Optional<Terminology.Code> first(List<Terminology.Code> concepts, String kind) {
    for (Terminology.Code c : concepts) {
      if (FhirCodes.isKind(c, kind)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
