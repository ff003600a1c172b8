package org.pcdguide.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.pcdguide.cli.ReportChange.Kind;

/**
 * What differs between two JSON reports of one patient (before and after a pack change), field by
 * field, as a clinician reads them: the headline, the recommendations (added, removed, reranked,
 * reworded), the entries to avoid (added, removed), and what each proposed order now meets. Any
 * other difference is named by its section, not dumped. The knowledge section (version and hash)
 * and the summary (which restates the rest) are not changes of their own.
 */
final class ReportChanges {
  /** The sections that name the pack or only restate the others: never a change of their own. */
  private static final Set<String> RESTATED = Set.of("knowledge", "summary", "pcd-assessment");

  private ReportChanges() {}

  static List<ReportChange> between(JsonNode before, JsonNode after) {
    List<ReportChange> out = new ArrayList<>();
    headline(before.path("headline"), after.path("headline"), out);
    recommendations(byId(before.path("recommendations")), byId(after.path("recommendations")), out);
    avoid(byId(before.path("avoid")), byId(after.path("avoid")), out);
    orders(byId(before.path("proposed-orders")), byId(after.path("proposed-orders")), out);
    // a section that differs in what the fields above do not name (an avoid entry's agents, the
    // headline's flags, the monitoring) is named, not dumped
    Set<String> named = new TreeSet<>();
    out.forEach(c -> named.add(section(c.kind())));
    Set<String> other = new TreeSet<>();
    before.fieldNames().forEachRemaining(other::add);
    after.fieldNames().forEachRemaining(other::add);
    other.removeAll(RESTATED);
    other.removeAll(named);
    other.removeIf(k -> Objects.equals(before.get(k), after.get(k)));
    if (!other.isEmpty()) {
      out.add(new ReportChange(Kind.OTHER, String.join(", ", other)));
    }
    return out;
  }

  private static String section(Kind kind) {
    return switch (kind) {
      case HEADLINE -> "headline";
      case RECOMMENDATION_ADDED,
          RECOMMENDATION_REMOVED,
          RECOMMENDATION_RERANKED,
          RECOMMENDATION_REWORDED ->
          "recommendations";
      case AVOID_ADDED, AVOID_REMOVED -> "avoid";
      case ORDER_DISPOSITION -> "proposed-orders";
      case OTHER -> "";
    };
  }

  private static void headline(JsonNode before, JsonNode after, List<ReportChange> out) {
    if (!before.path("id").equals(after.path("id"))
        || !before.path("statement").equals(after.path("statement"))) {
      out.add(new ReportChange(Kind.HEADLINE, headline(before) + " -> " + headline(after)));
    }
  }

  private static String headline(JsonNode h) {
    return h.isMissingNode() || h.isNull() || h.path("id").asText().isEmpty()
        ? "(none)"
        : h.path("id").asText() + " \"" + h.path("statement").asText() + "\"";
  }

  private static void recommendations(
      Map<String, JsonNode> before, Map<String, JsonNode> after, List<ReportChange> out) {
    for (Map.Entry<String, JsonNode> b : before.entrySet()) {
      JsonNode a = after.get(b.getKey());
      if (a == null) {
        out.add(new ReportChange(Kind.RECOMMENDATION_REMOVED, item(b.getValue())));
      } else if (a.path("rank").asInt() != b.getValue().path("rank").asInt()) {
        out.add(
            new ReportChange(
                Kind.RECOMMENDATION_RERANKED,
                item(a)
                    + ": rank "
                    + b.getValue().path("rank").asInt()
                    + " -> "
                    + a.path("rank").asInt()));
      }
      if (a != null && !a.path("statement").equals(b.getValue().path("statement"))) {
        out.add(
            new ReportChange(
                Kind.RECOMMENDATION_REWORDED,
                item(a)
                    + ": \""
                    + b.getValue().path("statement").asText()
                    + "\" -> \""
                    + a.path("statement").asText()
                    + "\""));
      }
    }
    for (Map.Entry<String, JsonNode> a : after.entrySet()) {
      if (!before.containsKey(a.getKey())) {
        out.add(
            new ReportChange(
                Kind.RECOMMENDATION_ADDED,
                item(a.getValue()) + " (rank " + a.getValue().path("rank").asInt() + ")"));
      }
    }
  }

  private static void avoid(
      Map<String, JsonNode> before, Map<String, JsonNode> after, List<ReportChange> out) {
    before.forEach(
        (id, b) -> {
          if (!after.containsKey(id)) {
            out.add(new ReportChange(Kind.AVOID_REMOVED, item(b)));
          }
        });
    after.forEach(
        (id, a) -> {
          if (!before.containsKey(id)) {
            out.add(new ReportChange(Kind.AVOID_ADDED, item(a)));
          }
        });
  }

  private static void orders(
      Map<String, JsonNode> before, Map<String, JsonNode> after, List<ReportChange> out) {
    Set<String> ids = new TreeSet<>(before.keySet());
    ids.addAll(after.keySet());
    for (String id : ids) {
      List<String> was = dispositions(before.get(id));
      List<String> now = dispositions(after.get(id));
      if (!was.equals(now)) {
        JsonNode order = after.containsKey(id) ? after.get(id) : before.get(id);
        out.add(
            new ReportChange(
                Kind.ORDER_DISPOSITION,
                id
                    + " ("
                    + order.path("label").asText()
                    + "): "
                    + listed(was)
                    + " -> "
                    + listed(now)));
      }
    }
  }

  /** What a proposed order meets: each verdict's kind and the entry it names. */
  private static List<String> dispositions(JsonNode order) {
    List<String> out = new ArrayList<>();
    if (order != null) {
      for (JsonNode v : order.path("verdicts")) {
        String entry = v.path("entry").asText();
        out.add(v.path("kind").asText() + (entry.isEmpty() ? "" : " " + entry));
      }
    }
    return out;
  }

  private static String listed(List<String> dispositions) {
    return dispositions.isEmpty() ? "(none)" : String.join(", ", dispositions);
  }

  private static String item(JsonNode i) {
    return i.path("id").asText() + " " + i.path("title").asText();
  }

  private static Map<String, JsonNode> byId(JsonNode list) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    list.forEach(i -> out.put(i.path("id").asText(), i));
    return out;
  }
}
