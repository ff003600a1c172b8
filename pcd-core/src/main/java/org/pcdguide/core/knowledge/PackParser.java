package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.knowledge.Vocabulary.DetailDef;
import org.pcdguide.core.knowledge.Vocabulary.DetailType;

/** Turns the pack's YAML documents into records; structural problems are collected, not thrown. */
final class PackParser {
  private final PackNodes nodes;
  private final ConditionParser conditions;
  private final EntryParser entries;

  PackParser(List<String> problems) {
    this.nodes = new PackNodes(problems);
    this.conditions = new ConditionParser(nodes);
    this.entries = new EntryParser(nodes, conditions);
  }

  String header(JsonNode index) {
    nodes.keys(index, "pack.yaml", Set.of("pcd-knowledge", "version", "files"));
    JsonNode format = index.get("pcd-knowledge");
    if (format == null || format.asInt() != 1) {
      nodes.problem("pack.yaml.pcd-knowledge", "must be 1");
    }
    return nodes.required(index, "version", "pack.yaml");
  }

  ExampleParser examples() {
    return entries.examples();
  }

  List<String> files(JsonNode index) {
    return nodes.words(index, "files", "pack.yaml");
  }

  /** What a pack file holds, by its top-level keys. */
  enum FileKind {
    SOURCES,
    VOCABULARY,
    MODULE,
    COVERAGE,
    SCREENING,
    UNKNOWN
  }

  static FileKind kind(JsonNode doc) {
    if (doc.has("sources")) {
      return FileKind.SOURCES;
    }
    if (doc.has("disorder")) {
      return FileKind.MODULE;
    }
    if (doc.has("coverage")) {
      return FileKind.COVERAGE;
    }
    if (doc.has("screening")) {
      return FileKind.SCREENING;
    }
    if (doc.has("agents") || doc.has("findings") || doc.has("diagnoses")) {
      return FileKind.VOCABULARY;
    }
    return FileKind.UNKNOWN;
  }

  /** Adds the sources of one file to {@code sources}, reporting ids already taken. */
  void sources(JsonNode doc, String file, Map<String, Source> sources) {
    nodes.keys(doc, file, Set.of("sources"));
    List<JsonNode> list = nodes.list(doc, "sources", file);
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String where = file + ".sources[" + i + "]";
      nodes.keys(
          s,
          where,
          Set.of(
              "id",
              "title",
              "kind",
              "population",
              "same-entity",
              "design",
              "size",
              "year",
              "grade",
              "citation",
              "text",
              "notes",
              "cited-references",
              "identifiers"));
      String id = nodes.required(s, "id", where);
      List<Source.CitedReference> refs = new ArrayList<>();
      for (JsonNode r : nodes.list(s, "cited-references", where)) {
        refs.add(
            new Source.CitedReference(
                nodes.required(r, "locator", where + ".cited-references"),
                nodes.required(r, "identified-as", where + ".cited-references"),
                nodes.required(r, "status", where + ".cited-references"),
                nodes.optional(r, "note", where + ".cited-references")));
      }
      Source source =
          new Source(
              id,
              nodes.required(s, "title", where),
              nodes.choice(
                  s, "kind", where, SourceKind::parse, SourceKind.words(), SourceKind.GUIDELINE),
              nodes.choice(
                  s, "population", where, Population::parse, Population.words(), Population.HUMAN),
              nodes.flag(s, "same-entity", where, true),
              nodes.optional(s, "design", where).orElse(""),
              nodes.integer(s, "size", where),
              nodes.integer(s, "year", where),
              nodes.choice(s, "grade", where, Grade::parse, Grade.words(), Grade.NOT_APPLICABLE),
              nodes.optional(s, "citation", where),
              nodes.optional(s, "text", where),
              nodes.optional(s, "notes", where),
              refs);
      if (sources.put(id, source) != null) {
        nodes.problem(where + ".id", "duplicate source id '" + id + "'");
      }
    }
  }

  SeedCoverage coverage(JsonNode doc, String file) {
    JsonNode c = doc.path("coverage");
    nodes.keys(doc, file, Set.of("coverage"));
    nodes.keys(c, file + ".coverage", Set.of("source", "background", "source-gap"));
    return new SeedCoverage(
        nodes.required(c, "source", file + ".coverage"),
        file,
        marks(c, "background", file),
        marks(c, "source-gap", file));
  }

  private List<SeedCoverage.Mark> marks(JsonNode c, String key, String file) {
    List<SeedCoverage.Mark> marks = new ArrayList<>();
    for (JsonNode m : nodes.list(c, key, file + ".coverage")) {
      marks.add(
          new SeedCoverage.Mark(
              nodes.required(m, "sentence", file + ".coverage." + key),
              nodes.required(m, "reason", file + ".coverage." + key)));
    }
    return marks;
  }

  Vocabulary vocabulary(JsonNode doc) {
    Map<String, Vocabulary.Term> diagnoses = new LinkedHashMap<>();
    Map<String, Vocabulary.FindingDef> findings = new LinkedHashMap<>();
    Map<String, Vocabulary.LabDef> labs = new LinkedHashMap<>();
    Map<String, Vocabulary.AgentDef> agents = new LinkedHashMap<>();
    Map<String, Vocabulary.RegimenDef> regimens = new LinkedHashMap<>();
    if (doc == null) {
      return new Vocabulary(diagnoses, findings, labs, agents, regimens);
    }
    String w = "vocabulary.yaml";
    nodes.keys(doc, w, Set.of("diagnoses", "findings", "labs", "agents", "regimens"));
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
          new Vocabulary.AgentDef(id, nodes.optional(a, "label", w).orElse(id), cls),
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
    return new Vocabulary(diagnoses, findings, labs, agents, regimens);
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

  private List<DisorderModule.SourceGap> gaps(JsonNode doc, String file) {
    List<DisorderModule.SourceGap> gaps = new ArrayList<>();
    for (JsonNode g : nodes.list(doc, "gaps", file)) {
      String where = file + ".gaps";
      nodes.keys(g, where, Set.of("section", "source", "locator", "statement"));
      gaps.add(
          new DisorderModule.SourceGap(
              nodes.required(g, "section", where),
              nodes.required(g, "source", where),
              nodes.optional(g, "locator", where).orElse(""),
              nodes.required(g, "statement", where)));
    }
    return gaps;
  }

  private <V> void put(Map<String, V> map, String id, V value, String where) {
    if (map.put(id, value) != null) {
      nodes.problem(where, "duplicate id '" + id + "'");
    }
  }

  /** The screening rules of one file: entries of kind screening, each naming its finding. */
  List<ScreeningRule> screening(JsonNode doc, String file) {
    nodes.keys(doc, file, Set.of("screening", "rules"));
    List<ScreeningRule> rules = new ArrayList<>();
    for (JsonNode e : nodes.list(doc, "rules", file)) {
      Entry entry = entries.entry(e, file);
      if (entry instanceof ScreeningRule rule) {
        rules.add(rule);
      } else {
        nodes.problem(
            "screening." + entry.id() + ".kind",
            "a screening file holds only entries of kind screening");
      }
    }
    return rules;
  }

  Optional<DisorderModule> module(String file, JsonNode doc) {
    nodes.keys(
        doc,
        file,
        Set.of(
            "disorder",
            "label",
            "scope",
            "criteria-fact",
            "extent-fact",
            "gates",
            "thresholds",
            "entries",
            "gaps",
            "misdiagnosis-pitfall",
            "example-base"));
    JsonNode scope = doc.path("scope");
    JsonNode gates = doc.path("gates");
    Map<String, Threshold> thresholds = new LinkedHashMap<>();
    for (JsonNode t : nodes.list(doc, "thresholds", file)) {
      String id = nodes.required(t, "id", file + ".thresholds");
      String where = file + ".thresholds." + id;
      JsonNode value = t.get("value");
      if (value == null || !value.isNumber()) {
        nodes.problem(where + ".value", "must be a number");
      }
      put(
          thresholds,
          id,
          new Threshold(
              id,
              nodes.required(t, "comparator", where),
              value == null ? 0 : value.asDouble(),
              nodes.required(t, "unit", where),
              entries.evidence(t, where)),
          file + ".thresholds");
    }
    List<Entry> list = new ArrayList<>();
    List<JsonNode> raw = nodes.list(doc, "entries", file);
    for (JsonNode e : raw) {
      list.add(entries.entry(e, file));
    }
    return Optional.of(
        new DisorderModule(
            nodes.required(doc, "disorder", file),
            nodes.optional(doc, "label", file).orElse(""),
            file,
            nodes.words(scope, "diagnoses", file + ".scope"),
            nodes.words(scope, "differential-of", file + ".scope"),
            nodes.flag(scope, "when-unlabelled", file + ".scope", false),
            nodes.required(doc, "criteria-fact", file),
            nodes.optional(doc, "extent-fact", file),
            conditions.parse(gates.get("treatment"), file + ".gates.treatment"),
            conditions.parse(gates.get("guidance"), file + ".gates.guidance"),
            thresholds,
            list,
            gaps(doc, file),
            nodes.optional(doc, "misdiagnosis-pitfall", file)));
  }
}
