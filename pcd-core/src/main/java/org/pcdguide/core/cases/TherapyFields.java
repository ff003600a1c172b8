package org.pcdguide.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The treatment fields of a case file: the therapy history and the proposed orders. */
record TherapyFields(CaseFields fields) {
  Optional<List<Therapy>> history(JsonNode node, Optional<LocalDate> asOf) {
    if (node == null || node.isNull() || !fields.map(node, "history")) {
      return Optional.empty();
    }
    fields.keys(node, "history", Set.of("therapies"));
    JsonNode list = node.get("therapies");
    if (list == null || list.isNull()) {
      return Optional.of(List.of());
    }
    if (!list.isArray()) {
      fields.problem(
          "history.therapies",
          "must be a list of {therapy, start, end, response}, was " + CaseFields.kind(list));
      return Optional.of(List.of());
    }
    List<Therapy> therapies = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "history.therapies[" + i + "]";
      JsonNode t = list.get(i);
      if (!fields.map(t, path)) {
        continue;
      }
      fields.keys(t, path, Set.of("therapy", "start", "end", "response"));
      Optional<String> therapy = fields.text(t, "therapy", path + ".therapy");
      if (therapy.isEmpty()) {
        fields.problem(path + ".therapy", "is required (an agent, regimen or procedure id)");
        continue;
      }
      if (!fields.vocabulary().isTherapy(therapy.get())) {
        fields.problem(
            path + ".therapy",
            "'" + therapy.get() + "' is not a known agent or regimen; see 'pcd vocabulary'");
        continue;
      }
      Optional<LocalDate> start = fields.date(t, "start", path + ".start");
      Optional<LocalDate> end = fields.date(t, "end", path + ".end");
      Optional<String> response =
          fields.oneOf(t, "response", path + ".response", Therapy.RESPONSES);
      fields.notAfter(start, asOf, path + ".start");
      fields.notAfter(end, asOf, path + ".end");
      if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
        fields.problem(path + ".end", "'" + end.get() + "' is before start '" + start.get() + "'");
        continue;
      }
      therapies.add(new Therapy(therapy.get(), start, end, response));
    }
    return Optional.of(therapies);
  }

  List<String> proposed(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      fields.problem(
          "proposed", "must be a list of agent or regimen ids, was " + CaseFields.kind(node));
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode n = node.get(i);
      String path = "proposed[" + i + "]";
      if (!n.isTextual()) {
        fields.problem(path, "must be an agent or regimen id, was " + CaseFields.kind(n));
      } else if (!fields.vocabulary().isTherapy(n.asText())) {
        fields.problem(
            path, "'" + n.asText() + "' is not a known agent or regimen; see 'pcd vocabulary'");
      } else if (!ids.contains(n.asText())) {
        ids.add(n.asText());
      }
    }
    return ids;
  }
}
