package org.pcdguide.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pcdguide.core.knowledge.Vocabulary.DetailDef;
import org.pcdguide.core.knowledge.Vocabulary.FindingDef;

/** Reads {@code findings}: {@code id: true|false} or {@code id: {present: bool, details...}}. */
record FindingFields(CaseFields fields) {

  Map<String, Finding> findings(JsonNode node) {
    Map<String, Finding> findings = new TreeMap<>();
    if (node == null || node.isNull() || !fields.map(node, "findings")) {
      return findings;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "findings." + e.getKey();
      FindingDef def = fields.vocabulary().findings().get(e.getKey());
      if (def == null) {
        fields.problem(path, "'" + e.getKey() + "' is not a known finding; see 'pcd vocabulary'");
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isBoolean()) {
        findings.put(def.id(), new Finding(def.id(), v.booleanValue(), Map.of()));
      } else if (v.isObject()) {
        finding(def, v, path).ifPresent(f -> findings.put(def.id(), f));
      } else {
        fields.problem(
            path, "must be true, false or {present: true|false, ...}, was " + CaseFields.kind(v));
      }
    }
    return findings;
  }

  private java.util.Optional<Finding> finding(FindingDef def, JsonNode v, String path) {
    java.util.Optional<Boolean> present = fields.bool(v, "present", path + ".present");
    if (present.isEmpty() && (v.get("present") == null || v.get("present").isNull())) {
      fields.problem(path + ".present", "is required (true or false)");
    }
    Map<String, Object> details = CaseFields.newDetails();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> d = it.next();
      if (d.getKey().equals("present")) {
        continue;
      }
      String dpath = path + "." + d.getKey();
      DetailDef detail = def.details().get(d.getKey());
      if (detail == null) {
        fields.problem(
            dpath,
            def.details().isEmpty()
                ? "unknown detail; " + def.id() + " takes only 'present'"
                : "unknown detail; expected one of " + def.details().keySet());
        continue;
      }
      Object value = detail(detail, d.getValue(), dpath);
      if (value != null) {
        details.put(d.getKey(), value);
      }
    }
    if (present.isEmpty()) {
      return java.util.Optional.empty();
    }
    if (!present.get() && !details.isEmpty()) {
      fields.problem(path, "details " + details.keySet() + " contradict present: false");
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Finding(def.id(), present.get(), details));
  }

  private Object detail(DetailDef detail, JsonNode v, String path) {
    if (v.isNull()) {
      return null;
    }
    switch (detail.type()) {
      case BOOLEAN:
        if (v.isBoolean()) {
          return v.booleanValue();
        }
        fields.problem(path, "'" + v.asText() + "' must be true or false");
        return null;
      case INTEGER:
        if (v.isIntegralNumber()
            && v.canConvertToLong()
            && v.asLong() >= detail.min().orElse(Long.MIN_VALUE)) {
          return v.asLong();
        }
        fields.problem(
            path,
            "'"
                + v.asText()
                + "' must be a whole number"
                + detail.min().map(m -> " >= " + m).orElse(""));
        return null;
      case ENUM:
        if (v.isTextual() && detail.values().contains(v.asText())) {
          return v.asText();
        }
        fields.problem(path, CaseFields.kind(v) + " is not one of " + detail.values());
        return null;
      case ENUM_LIST:
        if (!v.isArray()) {
          fields.problem(
              path, "must be a list of " + detail.values() + ", was " + CaseFields.kind(v));
          return null;
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
          JsonNode w = v.get(i);
          if (w.isTextual() && detail.values().contains(w.asText())) {
            if (!words.contains(w.asText())) {
              words.add(w.asText());
            }
          } else {
            fields.problem(
                path + "[" + i + "]", CaseFields.kind(w) + " is not one of " + detail.values());
          }
        }
        return List.copyOf(words);
      default:
        throw new IllegalStateException("unhandled detail type " + detail.type());
    }
  }
}
