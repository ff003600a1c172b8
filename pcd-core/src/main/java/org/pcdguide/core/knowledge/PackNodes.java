package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed reads from pack YAML nodes that record a problem (file and path) instead of throwing. */
record PackNodes(List<String> problems) {

  void problem(String where, String message) {
    problems.add(where + ": " + message);
  }

  void keys(JsonNode node, String where, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        problem(
            where + "." + k, "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  String required(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
      problem(where + "." + key, "is required");
      return "";
    }
    return v.asText();
  }

  Optional<String> optional(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      problem(where + "." + key, "must be text");
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  /**
   * A word of a closed vocabulary ({@code parse} one of {@code words}); a missing or unknown word
   * is a problem naming the field, and the read goes on with {@code fallback}.
   */
  <E> E choice(
      JsonNode node,
      String key,
      String where,
      java.util.function.Function<String, Optional<E>> parse,
      List<String> words,
      E fallback) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
      problem(where + "." + key, "is required");
      return fallback;
    }
    return parse
        .apply(v.asText())
        .orElseGet(
            () -> {
              problem(where + "." + key, "'" + v.asText() + "' is not one of " + words);
              return fallback;
            });
  }

  Optional<Integer> integer(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber()) {
      problem(where + "." + key, "'" + v.asText() + "' must be a whole number");
      return Optional.empty();
    }
    return Optional.of(v.asInt());
  }

  boolean flag(JsonNode node, String key, String where, boolean dflt) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isBoolean()) {
      problem(where + "." + key, "'" + v.asText() + "' must be true or false");
      return dflt;
    }
    return v.booleanValue();
  }

  List<String> words(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problem(where + "." + key, "must be a list");
      return out;
    }
    for (JsonNode w : v) {
      if (w.isValueNode()) {
        out.add(w.asText());
      } else {
        problem(where + "." + key, "must be a list of words");
      }
    }
    return out;
  }

  List<JsonNode> list(JsonNode node, String key, String where) {
    JsonNode v = node.get(key);
    List<JsonNode> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problem(where + "." + key, "must be a list");
      return out;
    }
    for (JsonNode n : v) {
      if (n.isObject()) {
        out.add(n);
      } else {
        problem(where + "." + key, "items must be maps");
      }
    }
    return out;
  }
}
