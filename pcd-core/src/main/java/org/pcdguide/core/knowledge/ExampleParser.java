package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code examples} of each entry (docs/knowledge-format.md, "Examples"). Entries are read
 * before the vocabulary is known, so the examples are collected first and resolved once the whole
 * pack is read: each case is the module's {@code example-base} with the example's changes merged
 * in, and it is checked exactly as a case file is, every problem named by entry and field.
 */
final class ExampleParser {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Set<String> KEYS =
      Set.of("fires", "does-not-fire", "severity", "as-of", "case");

  private record Raw(String entry, EntryKind kind, String file, String where, JsonNode node) {}

  private final PackNodes nodes;
  private final List<Raw> raw = new ArrayList<>();

  ExampleParser(PackNodes nodes) {
    this.nodes = nodes;
  }

  /** Keeps the examples of entry {@code e} (file {@code file}, path {@code where}) for later. */
  void add(String entry, EntryKind kind, JsonNode e, String file, String where) {
    if (entry.isBlank()) {
      // an entry without an id is a problem of its own already; its examples have no entry to
      // document (found by PackLoaderFuzzTest: they reached EntryExample and threw)
      return;
    }
    List<JsonNode> list = nodes.list(e, "examples", where);
    for (int i = 0; i < list.size(); i++) {
      raw.add(new Raw(entry, kind, file, where + ".examples[" + i + "]", list.get(i)));
    }
  }

  /** Every entry's examples, in file order, by entry id; problems go to the pack's list. */
  Map<String, List<EntryExample>> resolve(
      Map<String, JsonNode> docs, FactCatalog facts, Vocabulary vocabulary) {
    Map<String, List<EntryExample>> out = new LinkedHashMap<>();
    for (Raw r : raw) {
      List<EntryExample> list = out.computeIfAbsent(r.entry(), k -> new ArrayList<>());
      example(r, list.size() + 1, docs.get(r.file()), facts, vocabulary).ifPresent(list::add);
    }
    out.values().removeIf(List::isEmpty);
    return out;
  }

  private Optional<EntryExample> example(
      Raw r, int index, JsonNode doc, FactCatalog facts, Vocabulary vocabulary) {
    String w = r.where();
    JsonNode n = r.node();
    int problems = nodes.problems().size();
    nodes.keys(n, w, KEYS);
    if (n.has("fires") == n.has("does-not-fire")) {
      nodes.problem(w, "say either fires: <why> or does-not-fire: <why>");
    }
    EntryExample.Expect expect =
        n.has("fires") ? EntryExample.Expect.FIRES : EntryExample.Expect.DOES_NOT_FIRE;
    String description = nodes.required(n, expect.word(), w);
    Optional<Severity> severity = severity(n, w, r.kind(), expect);
    JsonNode base = doc == null ? null : doc.get("example-base");
    JsonNode change = n.get("case");
    if (change != null && !change.isObject()) {
      nodes.problem(w + ".case", "must be a map (the case, or what differs from example-base)");
      change = null;
    }
    JsonNode merged =
        merge(base != null && base.isObject() ? base : JSON.createObjectNode(), change);
    ObjectNode c = (ObjectNode) merged;
    if (!c.has("pcd-case")) {
      c.put("pcd-case", 1);
    }
    Optional<LocalDate> asOf = asOf(n.has("as-of") ? n.get("as-of") : c.get("as-of"), w);
    String document = text(c);
    if (asOf.isPresent()) {
      for (String p : facts.caseProblems(document, asOf.get(), vocabulary)) {
        nodes.problem(w + ".case", p);
      }
    }
    if (nodes.problems().size() > problems || asOf.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new EntryExample(r.entry(), index, expect, description, severity, asOf.get(), document));
  }

  private Optional<Severity> severity(
      JsonNode n, String w, EntryKind kind, EntryExample.Expect expect) {
    if (!n.has("severity")) {
      return Optional.empty();
    }
    if (kind != EntryKind.AVOID || expect != EntryExample.Expect.FIRES) {
      nodes.problem(w + ".severity", "only a firing example of an avoid entry names a severity");
      return Optional.empty();
    }
    String word = n.get("severity").asText();
    Optional<Severity> s = Severity.parse(word);
    if (s.isEmpty()) {
      nodes.problem(w + ".severity", "'" + word + "' is not one of " + Severity.words());
    }
    return s;
  }

  private Optional<LocalDate> asOf(JsonNode v, String w) {
    if (v == null || v.isNull()) {
      nodes.problem(w + ".as-of", "is required (here or in the module's example-base)");
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.asText()));
    } catch (DateTimeParseException e) {
      nodes.problem(w + ".as-of", "'" + v.asText() + "' is not a date (YYYY-MM-DD)");
      return Optional.empty();
    }
  }

  /** {@code change} over {@code base}: maps merge key by key, a null removes, the rest replaces. */
  static JsonNode merge(JsonNode base, JsonNode change) {
    if (change == null) {
      return base.deepCopy();
    }
    if (!base.isObject() || !change.isObject()) {
      return change.deepCopy();
    }
    ObjectNode out = base.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = change.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getValue().isNull()) {
        out.remove(f.getKey());
      } else {
        JsonNode old = out.get(f.getKey());
        out.set(f.getKey(), old == null ? f.getValue().deepCopy() : merge(old, f.getValue()));
      }
    }
    return out;
  }

  private static String text(JsonNode c) {
    try {
      return JSON.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed case cannot be written back as JSON", e);
    }
  }
}
