package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the pack says about the patient beside the entries: a source's stated ages ({@code
 * ages}) and a module's {@code flag-checks}. Problems are collected, not thrown.
 */
final class PatientCheckParser {
  static final String NOT_STATED = "not-stated";
  private final PackNodes nodes;
  private final ConditionParser conditions;
  private final EntryParser entries;

  PatientCheckParser(PackNodes nodes, ConditionParser conditions, EntryParser entries) {
    this.nodes = nodes;
    this.conditions = conditions;
    this.entries = entries;
  }

  /** {@code ages: not-stated}, or {@code {min, max, locator, statement}}; absent = not stated. */
  Optional<AgeRange> ages(JsonNode source, String where) {
    JsonNode v = source.get("ages");
    if (v == null || v.isNull() || (v.isTextual() && v.asText().equals(NOT_STATED))) {
      return Optional.empty();
    }
    String w = where + ".ages";
    if (!v.isObject()) {
      nodes.problem(w, "must be '" + NOT_STATED + "' or a map {min, max, locator, statement}");
      return Optional.empty();
    }
    nodes.keys(v, w, Set.of("min", "max", "locator", "statement"));
    Optional<Integer> min = nodes.integer(v, "min", w);
    Optional<Integer> max = nodes.integer(v, "max", w);
    String locator = nodes.required(v, "locator", w);
    String statement = nodes.required(v, "statement", w);
    if (min.isEmpty() || max.isEmpty()) {
      nodes.problem(w, "needs whole-number min and max (the ages the source states)");
      return Optional.empty();
    }
    try {
      return Optional.of(new AgeRange(min.get(), max.get(), locator, statement));
    } catch (IllegalArgumentException e) {
      nodes.problem(w, e.getMessage());
      return Optional.empty();
    }
  }

  List<FlagCheck> flagChecks(JsonNode doc, String file) {
    List<FlagCheck> checks = new ArrayList<>();
    for (JsonNode c : nodes.list(doc, "flag-checks", file)) {
      String id = nodes.required(c, "id", file + ".flag-checks");
      String w = file + ".flag-checks." + id;
      nodes.keys(c, w, Set.of("id", "flag", "agents", "when", "statement", "evidence"));
      for (String key : List.of("flag", "agents", "when", "evidence")) {
        if (!c.has(key)) {
          nodes.problem(w + "." + key, "is required");
        }
      }
      checks.add(
          new FlagCheck(
              id,
              conditions.parse(c.get("flag"), w + ".flag"),
              nodes.words(c, "agents", w),
              conditions.parse(c.get("when"), w + ".when"),
              nodes.required(c, "statement", w),
              entries.evidence(c, w)));
    }
    return checks;
  }
}
