package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the condition grammar of docs/knowledge-format.md. */
record ConditionParser(PackNodes nodes, java.util.Map<Condition, Condition> canonical) {
  static final Set<String> OPS = Set.of("equals", "in", "gt", "gte", "lt", "lte", "unknown");

  ConditionParser(PackNodes nodes) {
    this(nodes, new java.util.HashMap<>());
  }

  /**
   * The condition, with every part equal to one parsed before shared with it: the engine evaluates
   * a condition once per assessment by identity, so a check written in many entries (a criteria
   * fact, a severity) is evaluated once.
   */
  Condition parse(JsonNode node, String where) {
    Condition c = parsed(node, where);
    return c instanceof Condition.Always ? c : canonical.computeIfAbsent(c, x -> x);
  }

  private Condition parsed(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return Condition.ALWAYS;
    }
    if (!node.isObject() || node.size() == 0) {
      nodes.problem(where, "a condition must be a map (all, any, not, or fact + operator)");
      return Condition.ALWAYS;
    }
    if (node.has("all") || node.has("any")) {
      String key = node.has("all") ? "all" : "any";
      if (node.size() != 1 || !node.get(key).isArray() || node.get(key).isEmpty()) {
        nodes.problem(where, "'" + key + "' takes a non-empty list and nothing else");
        return Condition.ALWAYS;
      }
      List<Condition> parts = new ArrayList<>();
      for (int i = 0; i < node.get(key).size(); i++) {
        parts.add(parse(node.get(key).get(i), where + "." + key + "[" + i + "]"));
      }
      return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
    }
    if (node.has("not")) {
      if (node.size() != 1) {
        nodes.problem(where, "'not' takes one condition and nothing else");
      }
      return new Condition.Not(parse(node.get("not"), where + ".not"));
    }
    if (!node.has("fact")) {
      nodes.problem(where, "needs all, any, not or fact; had " + fieldNames(node));
      return Condition.ALWAYS;
    }
    String fact = node.get("fact").asText();
    List<String> ops = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            k -> {
              if (!k.equals("fact")) {
                ops.add(k);
              }
            });
    if (ops.size() != 1 || !OPS.contains(ops.get(0))) {
      nodes.problem(
          where,
          "fact '"
              + fact
              + "' needs exactly one operator of "
              + new java.util.TreeSet<>(OPS)
              + ", had "
              + ops);
      return Condition.ALWAYS;
    }
    String op = ops.get(0);
    JsonNode v = node.get(op);
    if (op.equals("unknown")) {
      if (!v.isBoolean() || !v.booleanValue()) {
        nodes.problem(where, "'unknown' takes only true");
      }
      return new Condition.IsUnknown(fact);
    }
    List<Object> values = new ArrayList<>();
    if (op.equals("in")) {
      if (!v.isArray() || v.isEmpty()) {
        nodes.problem(where, "'in' takes a non-empty list");
        return Condition.ALWAYS;
      }
      v.forEach(x -> values.add(literal(x)));
    } else {
      values.add(literal(v));
    }
    return new Condition.Compare(fact, op, values);
  }

  static Object literal(JsonNode v) {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    return v.asText();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
