package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns the pack's YAML documents into records; structural problems are collected, not thrown. */
final class PackParser {
  private final PackNodes nodes;
  private final ConditionParser conditions;
  private final EntryParser entries;
  private final PatientCheckParser patientChecks;

  PackParser(List<String> problems) {
    this.nodes = new PackNodes(problems);
    this.conditions = new ConditionParser(nodes);
    this.entries = new EntryParser(nodes, conditions);
    this.patientChecks = new PatientCheckParser(nodes, conditions, entries);
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
              "identifiers",
              "ages"));
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
              refs,
              patientChecks.ages(s, where));
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
    return new VocabularyParser(nodes, entries).vocabulary(doc);
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
            "example-base",
            "flag-checks"));
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
            nodes.optional(doc, "misdiagnosis-pitfall", file),
            patientChecks.flagChecks(doc, file)));
  }
}
