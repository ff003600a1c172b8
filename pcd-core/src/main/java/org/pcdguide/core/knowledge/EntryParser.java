package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses one knowledge entry and its evidence. */
record EntryParser(PackNodes nodes, ConditionParser conditions) {
  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "kind",
          "title",
          "agents",
          "regimen",
          "when",
          "prefer-when",
          "then",
          "statement",
          "strength",
          "evidence",
          "disagreements",
          "severity",
          "only-when-alone",
          "criterion",
          "item",
          "schedule",
          "window",
          "registry");

  Entry entry(JsonNode e, String file) {
    String id = nodes.required(e, "id", file + ".entries[]");
    String where = file + "." + id;
    nodes.keys(e, where, FIELDS);
    String kindWord = nodes.required(e, "kind", where);
    EntryKind kind =
        EntryKind.parse(kindWord)
            .orElseGet(
                () -> {
                  nodes.problem(where + ".kind", "'" + kindWord + "' is not a known kind");
                  return EntryKind.PITFALL;
                });
    List<Entry.ThenStep> then = new ArrayList<>();
    for (JsonNode t : nodes.list(e, "then", where)) {
      then.add(
          new Entry.ThenStep(
              nodes.words(t, "agents", where + ".then"),
              conditions.parse(t.get("when"), where + ".then.when")));
    }
    List<Disagreement> disagreements = new ArrayList<>();
    for (JsonNode d : nodes.list(e, "disagreements", where)) {
      disagreements.add(
          new Disagreement(
              nodes.required(d, "source", where + ".disagreements"),
              nodes.optional(d, "locator", where + ".disagreements").orElse(""),
              nodes.required(d, "statement", where + ".disagreements")));
    }
    Optional<Entry.Criterion> criterion = Optional.empty();
    JsonNode c = e.get("criterion");
    if (c != null && c.isObject()) {
      criterion =
          Optional.of(
              new Entry.Criterion(
                  nodes.required(c, "fact", where + ".criterion"),
                  nodes.required(c, "group", where + ".criterion"),
                  nodes.flag(c, "discriminating", where + ".criterion", true)));
    }
    Optional<Entry.Window> window = Optional.empty();
    JsonNode w = e.get("window");
    if (w != null && w.isObject()) {
      window =
          Optional.of(
              new Entry.Window(
                  nodes.required(w, "after", where + ".window"),
                  nodes.integer(w, "from-months", where + ".window").orElse(0),
                  nodes.integer(w, "to-months", where + ".window").orElse(0)));
    }
    return new Entry(
        id,
        kind,
        nodes.optional(e, "title", where).orElse(""),
        nodes.words(e, "agents", where),
        nodes.optional(e, "regimen", where),
        conditions.parse(e.get("when"), where + ".when"),
        e.has("prefer-when")
            ? Optional.of(conditions.parse(e.get("prefer-when"), where + ".prefer-when"))
            : Optional.empty(),
        then,
        nodes.required(e, "statement", where),
        nodes.required(e, "strength", where),
        evidence(e, where),
        disagreements,
        nodes.optional(e, "severity", where),
        nodes.flag(e, "only-when-alone", where, false),
        criterion,
        nodes.optional(e, "item", where),
        nodes.optional(e, "schedule", where),
        window,
        nodes.optional(e, "registry", where));
  }

  List<Evidence> evidence(JsonNode node, String where) {
    List<Evidence> evidence = new ArrayList<>();
    for (JsonNode ev : nodes.list(node, "evidence", where)) {
      nodes.keys(
          ev, where + ".evidence", Set.of("source", "locator", "quote", "note", "unsupported"));
      evidence.add(
          new Evidence(
              nodes.required(ev, "source", where + ".evidence"),
              nodes.optional(ev, "locator", where + ".evidence").orElse(""),
              nodes.optional(ev, "quote", where + ".evidence"),
              nodes.optional(ev, "note", where + ".evidence"),
              nodes.flag(ev, "unsupported", where + ".evidence", false)));
    }
    return evidence;
  }
}
