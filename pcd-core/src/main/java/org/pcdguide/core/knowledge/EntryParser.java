package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses one knowledge entry and its evidence. */
record EntryParser(PackNodes nodes, ConditionParser conditions, ExampleParser examples) {
  // examples: any kind may carry them; they are kept beside the entry, not in it (ExampleParser)
  private static final Set<String> COMMON =
      Set.of(
          "id",
          "kind",
          "title",
          "when",
          "statement",
          "strength",
          "evidence",
          "disagreements",
          "examples");

  EntryParser(PackNodes nodes, ConditionParser conditions) {
    this(nodes, conditions, new ExampleParser(nodes));
  }

  /** The fields each kind adds to the common ones; a field of another kind is a pack error. */
  private static Set<String> fields(EntryKind kind) {
    Set<String> own =
        switch (kind) {
          case AVOID -> Set.of("agents", "regimen", "severity", "only-when-alone", "class");
          case PITFALL, MONITORING, TIMELINE, CONTEXT ->
              Set.of("agents", "item", "schedule", "window", "plan-after", "only-when-alone");
          case DIAGNOSTIC -> Set.of("criterion");
          case TRIAL -> Set.of("registry");
          case SCREENING -> Set.of("item", "holds");
          default -> Set.of("agents", "regimen", "prefer-when", "then", "phases");
        };
    Set<String> all = new java.util.HashSet<>(COMMON);
    all.addAll(own);
    return all;
  }

  Entry entry(JsonNode e, String file) {
    String id = nodes.required(e, "id", file + ".entries[]");
    String where = file + "." + id;
    String kindWord = nodes.required(e, "kind", where);
    EntryKind kind =
        EntryKind.parse(kindWord)
            .orElseGet(
                () -> {
                  nodes.problem(where + ".kind", "'" + kindWord + "' is not a known kind");
                  return EntryKind.PITFALL;
                });
    nodes.keys(e, where, fields(kind));
    examples.add(id, kind, e, file, where);
    Entry.Basis basis =
        new Entry.Basis(
            id,
            kind,
            nodes.optional(e, "title", where).orElse(""),
            conditions.parse(e.get("when"), where + ".when"),
            nodes.required(e, "statement", where),
            nodes.choice(
                e, "strength", where, Strength::parse, Strength.words(), Strength.INFORMATIONAL),
            evidence(e, where),
            disagreements(e, where));
    return switch (kind) {
      case AVOID ->
          new AvoidEntry(
              basis,
              nodes.words(e, "agents", where),
              nodes.optional(e, "regimen", where),
              nodes.choice(
                  e, "severity", where, Severity::parse, Severity.words(), Severity.CRITICAL),
              nodes.flag(e, "only-when-alone", where, false),
              attributeClass(e, where));
      case PITFALL, MONITORING, TIMELINE, CONTEXT ->
          new GuidanceEntry(
              basis,
              nodes.words(e, "agents", where),
              nodes.optional(e, "item", where),
              nodes.optional(e, "schedule", where),
              window(e, where),
              nodes.optional(e, "plan-after", where),
              nodes.flag(e, "only-when-alone", where, false));
      case DIAGNOSTIC -> new DiagnosticEntry(basis, criterion(e, where));
      case TRIAL -> new TrialEntry(basis, nodes.optional(e, "registry", where));
      case SCREENING -> new ScreeningRule(basis, nodes.required(e, "item", where), holds(e, where));
      default ->
          new TreatmentEntry(
              basis,
              nodes.words(e, "agents", where),
              nodes.optional(e, "regimen", where),
              e.has("prefer-when")
                  ? Optional.of(conditions.parse(e.get("prefer-when"), where + ".prefer-when"))
                  : Optional.empty(),
              then(e, where),
              phases(e, where));
    };
  }

  /** The phases a treatment option applies to: required; {@code [all]} is every phase. */
  private Set<TreatmentPhase> phases(JsonNode e, String where) {
    List<String> words = nodes.words(e, "phases", where);
    if (words.isEmpty()) {
      nodes.problem(
          where + ".phases",
          "a treatment option must declare the phases it applies to (all or some of "
              + String.join(", ", TreatmentPhase.words())
              + ")");
      return Set.of();
    }
    if (words.equals(List.of("all"))) {
      return java.util.EnumSet.allOf(TreatmentPhase.class);
    }
    Set<TreatmentPhase> phases = java.util.EnumSet.noneOf(TreatmentPhase.class);
    for (String w : words) {
      TreatmentPhase.parse(w)
          .ifPresentOrElse(
              phases::add,
              () ->
                  nodes.problem(
                      where + ".phases",
                      "'"
                          + w
                          + "' is not a treatment phase (one of all, "
                          + String.join(", ", TreatmentPhase.words())
                          + ")"));
    }
    return phases;
  }

  private List<Entry.ThenStep> then(JsonNode e, String where) {
    List<Entry.ThenStep> then = new ArrayList<>();
    for (JsonNode t : nodes.list(e, "then", where)) {
      then.add(
          new Entry.ThenStep(
              nodes.words(t, "agents", where + ".then"),
              conditions.parse(t.get("when"), where + ".then.when")));
    }
    return then;
  }

  private List<Disagreement> disagreements(JsonNode e, String where) {
    List<Disagreement> disagreements = new ArrayList<>();
    for (JsonNode d : nodes.list(e, "disagreements", where)) {
      disagreements.add(
          new Disagreement(
              nodes.required(d, "source", where + ".disagreements"),
              nodes.optional(d, "locator", where + ".disagreements").orElse(""),
              nodes.required(d, "statement", where + ".disagreements")));
    }
    return disagreements;
  }

  /** {@code class: {attribute: value}}: one attribute, one value. */
  private Optional<AttributeClass> attributeClass(JsonNode e, String where) {
    JsonNode c = e.get("class");
    if (c == null || c.isNull()) {
      return Optional.empty();
    }
    if (!c.isObject() || c.size() != 1 || !c.elements().next().isValueNode()) {
      nodes.problem(
          where + ".class", "a class is one attribute and its value, e.g. {neurotoxicity: high}");
      return Optional.empty();
    }
    String attribute = c.fieldNames().next();
    return Optional.of(new AttributeClass(attribute, c.get(attribute).asText()));
  }

  private Optional<Entry.Criterion> criterion(JsonNode e, String where) {
    JsonNode c = e.get("criterion");
    if (c == null || !c.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry.Criterion(
            nodes.required(c, "fact", where + ".criterion"),
            nodes.required(c, "group", where + ".criterion"),
            nodes.flag(c, "discriminating", where + ".criterion", true)));
  }

  private Optional<ScreeningRule.Hold> holds(JsonNode e, String where) {
    JsonNode h = e.get("holds");
    if (h == null || !h.isObject()) {
      return Optional.empty();
    }
    nodes.keys(h, where + ".holds", Set.of("orders", "while"));
    return Optional.of(
        new ScreeningRule.Hold(
            nodes.words(h, "orders", where + ".holds"),
            conditions.parse(h.get("while"), where + ".holds.while")));
  }

  private Optional<Entry.Window> window(JsonNode e, String where) {
    JsonNode w = e.get("window");
    if (w == null || !w.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry.Window(
            nodes.required(w, "after", where + ".window"),
            nodes.integer(w, "from-months", where + ".window").orElse(0),
            nodes.integer(w, "to-months", where + ".window").orElse(0)));
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
