package org.pcdguide.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Conditions: an active, confirmed (or unstated verification) condition is a present finding or the
 * diagnosis label; a refuted one is a finding stated absent; resolved, inactive, unconfirmed and
 * entered-in-error conditions do not count and are listed as notes.
 */
record ConditionMapping(BundleMapping m) {

  void map(Condition c) {
    String path = BundleMapping.path(c);
    String verification = code(c.getVerificationStatus());
    String clinical = code(c.getClinicalStatus());
    List<Terminology.Code> concepts = m.codes.concepts(c.getCode());
    if (concepts.isEmpty()) {
      m.notes.add(
          new Problem(
              path + ".code",
              "code " + FhirCodes.show(c.getCode()) + " is not in the terminology map; not used"));
      return;
    }
    if (verification.equals("entered-in-error")) {
      m.notes.add(new Problem(path, "entered-in-error: not used"));
      return;
    }
    boolean refuted = verification.equals("refuted");
    if (!refuted && !verification.isEmpty() && !verification.equals("confirmed")) {
      m.notes.add(
          new Problem(
              path, "verification status " + verification + ": only confirmed conditions count"));
      return;
    }
    if (!refuted
        && !clinical.isEmpty()
        && !List.of("active", "recurrence", "relapse").contains(clinical)) {
      m.notes.add(
          new Problem(path, "clinical status " + clinical + ": only active conditions count"));
      return;
    }
    unverified(path, concepts);
    boolean encounterDiagnosis =
        c.getCategory().stream()
            .flatMap(cc -> cc.getCoding().stream())
            .anyMatch(x -> "encounter-diagnosis".equals(x.getCode()));
    Optional<Terminology.Code> finding = first(concepts, "finding");
    Optional<Terminology.Code> diagnosis = first(concepts, "diagnosis");
    if (diagnosis.isPresent() && (encounterDiagnosis || finding.isEmpty())) {
      String id = FhirCodes.id(diagnosis.get());
      if (!m.vocabulary.diagnoses().containsKey(id)) {
        m.notes.add(
            new Problem(
                path + ".code", "'" + id + "' is not a diagnosis of the vocabulary; not used"));
      } else if (refuted) {
        m.notes.add(new Problem(path, "refuted diagnosis " + id + ": not used as the label"));
      } else {
        m.diagnoses.add(id);
      }
      return;
    }
    if (finding.isEmpty()) {
      m.notes.add(
          new Problem(
              path + ".code",
              "code "
                  + FhirCodes.show(c.getCode())
                  + " maps to no finding or diagnosis; not used"));
      return;
    }
    String id = FhirCodes.id(finding.get());
    Vocabulary.FindingDef def = m.vocabulary.findings().get(id);
    if (def == null) {
      m.notes.add(
          new Problem(path + ".code", "'" + id + "' is not a finding of the vocabulary; not used"));
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

  private Map<String, Object> details(Condition c, Vocabulary.FindingDef def, String path) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (c.hasSeverity() && def.details().containsKey("severity")) {
      for (Coding x : c.getSeverity().getCoding()) {
        for (Terminology.Code code : m.codes.terminology().lookup(x.getSystem(), x.getCode())) {
          if (FhirCodes.kind(code).equals("severity")) {
            details.put("severity", FhirCodes.id(code));
          }
        }
      }
    }
    for (Extension e : c.getExtension()) {
      if (e.getUrl() == null || !e.getUrl().startsWith(BundleMapping.EXT + "finding-detail-")) {
        continue;
      }
      String name = e.getUrl().substring((BundleMapping.EXT + "finding-detail-").length());
      Vocabulary.DetailDef detail = def.details().get(name);
      if (detail == null) {
        m.notes.add(
            new Problem(
                path + ".extension",
                "detail '" + name + "' does not apply to " + def.id() + "; not used"));
        continue;
      }
      Object value = value(e, detail);
      if (value == null) {
        m.problems.add(
            new Problem(
                path + ".extension[" + name + "]",
                "'"
                    + e.getValue()
                    + "' is not a valid "
                    + detail.type().word()
                    + " value "
                    + detail.values()));
      } else if (detail.type() == Vocabulary.DetailType.ENUM_LIST) {
        @SuppressWarnings("unchecked")
        List<String> list =
            (List<String>) details.computeIfAbsent(name, k -> new ArrayList<String>());
        list.add((String) value);
      } else {
        details.put(name, value);
      }
    }
    details.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
    return details;
  }

  private static Object value(Extension e, Vocabulary.DetailDef detail) {
    switch (detail.type()) {
      case BOOLEAN:
        return e.getValue() instanceof BooleanType b && b.hasValue() ? b.booleanValue() : null;
      case INTEGER:
        return e.getValue() instanceof IntegerType i
                && i.hasValue()
                && i.getValue() >= detail.min().orElse(Long.MIN_VALUE)
            ? (long) i.getValue()
            : null;
      default:
        String text = e.getValue() == null ? null : e.getValue().primitiveValue();
        return text != null && detail.values().contains(text) ? text : null;
    }
  }

  private void unverified(String path, List<Terminology.Code> concepts) {
    for (Terminology.Code c : concepts) {
      if (!c.verified()) {
        m.notes.add(FhirCodes.unverified(path + ".code", c));
      }
    }
  }

  private static Optional<Terminology.Code> first(List<Terminology.Code> concepts, String kind) {
    return concepts.stream().filter(c -> FhirCodes.kind(c).equals(kind)).findFirst();
  }

  static String code(CodeableConcept cc) {
    if (cc == null) {
      return "";
    }
    return cc.getCoding().stream()
        .map(Coding::getCode)
        .filter(x -> x != null)
        .findFirst()
        .orElse("");
  }
}
