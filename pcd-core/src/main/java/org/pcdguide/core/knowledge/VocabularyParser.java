package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.knowledge.Vocabulary.DetailDef;
import org.pcdguide.core.knowledge.Vocabulary.DetailType;

/** Parses vocabulary.yaml: diagnoses, findings and their details, labs, agents and regimens. */
record VocabularyParser(PackNodes nodes, EntryParser entries) {
  Vocabulary vocabulary(JsonNode doc) {
    Map<String, Vocabulary.Term> diagnoses = new LinkedHashMap<>();
    Map<String, Vocabulary.FindingDef> findings = new LinkedHashMap<>();
    Map<String, Vocabulary.LabDef> labs = new LinkedHashMap<>();
    Map<String, Vocabulary.AgentDef> agents = new LinkedHashMap<>();
    Map<String, Vocabulary.RegimenDef> regimens = new LinkedHashMap<>();
    Map<String, Vocabulary.AttributeDef> attributes = new LinkedHashMap<>();
    if (doc == null) {
      return new Vocabulary(diagnoses, findings, labs, agents, regimens, attributes);
    }
    String w = "vocabulary.yaml";
    nodes.keys(doc, w, Set.of("diagnoses", "findings", "labs", "agents", "regimens", "attributes"));
    for (JsonNode a : nodes.list(doc, "attributes", w)) {
      String id = nodes.required(a, "id", w + ".attributes");
      String where = w + ".attributes." + id;
      nodes.keys(a, where, Set.of("id", "label", "values", "applies-to"));
      put(
          attributes,
          id,
          new Vocabulary.AttributeDef(
              id,
              nodes.optional(a, "label", where).orElse(id),
              nodes.words(a, "values", where),
              nodes.words(a, "applies-to", where)),
          w + ".attributes");
    }
    for (JsonNode d : nodes.list(doc, "diagnoses", w)) {
      String id = nodes.required(d, "id", w + ".diagnoses");
      put(
          diagnoses,
          id,
          new Vocabulary.Term(id, nodes.optional(d, "label", w).orElse(id)),
          w + ".diagnoses");
    }
    for (JsonNode f : nodes.list(doc, "findings", w)) {
      String id = nodes.required(f, "id", w + ".findings");
      put(findings, id, finding(id, f, w + ".findings." + id), w + ".findings");
    }
    for (JsonNode l : nodes.list(doc, "labs", w)) {
      String id = nodes.required(l, "id", w + ".labs");
      JsonNode max = l.get("max");
      put(
          labs,
          id,
          new Vocabulary.LabDef(
              id,
              nodes.optional(l, "label", w).orElse(id),
              nodes.required(l, "unit", w + ".labs." + id),
              max != null && max.isNumber() ? Optional.of(max.asDouble()) : Optional.empty()),
          w + ".labs");
    }
    for (JsonNode a : nodes.list(doc, "agents", w)) {
      String id = nodes.required(a, "id", w + ".agents");
      nodes.keys(a, w + ".agents." + id, Set.of("id", "label", "class", "attributes"));
      String cls = nodes.required(a, "class", w + ".agents." + id);
      if (!List.of("systemic", "corticosteroid", "local", "procedure", "supportive")
          .contains(cls)) {
        nodes.problem(
            w + ".agents." + id + ".class",
            "'" + cls + "' is not systemic, corticosteroid, local, procedure or supportive");
      }
      put(
          agents,
          id,
          new Vocabulary.AgentDef(
              id,
              nodes.optional(a, "label", w).orElse(id),
              cls,
              agentAttributes(a, w + ".agents." + id)),
          w + ".agents");
    }
    for (JsonNode r : nodes.list(doc, "regimens", w)) {
      String id = nodes.required(r, "id", w + ".regimens");
      put(
          regimens,
          id,
          new Vocabulary.RegimenDef(
              id,
              nodes.optional(r, "label", w).orElse(id),
              nodes.words(r, "agents", w + ".regimens." + id)),
          w + ".regimens");
    }
    return new Vocabulary(diagnoses, findings, labs, agents, regimens, attributes);
  }

  /** {@code attributes: {neurotoxicity: {value: high, evidence: [...]}}} of one agent. */
  private Map<String, Vocabulary.AttributeValue> agentAttributes(JsonNode a, String where) {
    Map<String, Vocabulary.AttributeValue> values = new LinkedHashMap<>();
    JsonNode attrs = a.get("attributes");
    if (attrs == null || attrs.isNull()) {
      return values;
    }
    if (!attrs.isObject()) {
      nodes.problem(where + ".attributes", "must be a map of attribute id to {value, evidence}");
      return values;
    }
    attrs
        .fields()
        .forEachRemaining(
            e -> {
              String at = where + ".attributes." + e.getKey();
              nodes.keys(e.getValue(), at, Set.of("value", "evidence"));
              values.put(
                  e.getKey(),
                  new Vocabulary.AttributeValue(
                      nodes.required(e.getValue(), "value", at),
                      entries.evidence(e.getValue(), at)));
            });
    return values;
  }

  private Vocabulary.FindingDef finding(String id, JsonNode f, String where) {
    Map<String, DetailDef> details = new LinkedHashMap<>();
    JsonNode d = f.get("details");
    if (d != null && d.isObject()) {
      d.fields()
          .forEachRemaining(
              e -> {
                JsonNode spec = e.getValue();
                String type = spec.path("type").asText();
                DetailType t =
                    switch (type) {
                      case "enum" -> DetailType.ENUM;
                      case "enum-list" -> DetailType.ENUM_LIST;
                      case "boolean" -> DetailType.BOOLEAN;
                      case "integer" -> DetailType.INTEGER;
                      default -> {
                        nodes.problem(
                            where + ".details." + e.getKey(), "unknown type '" + type + "'");
                        yield DetailType.BOOLEAN;
                      }
                    };
                Optional<Long> min =
                    spec.has("min") ? Optional.of(spec.get("min").asLong()) : Optional.empty();
                details.put(
                    e.getKey(),
                    new DetailDef(e.getKey(), t, nodes.words(spec, "values", where), min));
              });
    }
    return new Vocabulary.FindingDef(id, nodes.optional(f, "label", where).orElse(id), details);
  }

  private <V> void put(Map<String, V> map, String id, V value, String where) {
    if (map.put(id, value) != null) {
      nodes.problem(where, "duplicate id '" + id + "'");
    }
  }
}
