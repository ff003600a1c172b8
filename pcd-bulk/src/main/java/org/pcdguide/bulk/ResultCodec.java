package org.pcdguide.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One line per patient result or error, for the embedded runner's sorted partition files. */
final class ResultCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultCodec() {}

  static String write(PatientResult r) {
    ObjectNode n = JSON.createObjectNode().put("p", r.patient()).put("j", r.json());
    r.findings().forEach(n.putArray("f")::add);
    r.modules().forEach(n.putArray("m")::add);
    r.avoidHits().forEach(n.putArray("a")::add);
    ArrayNode rows = n.putArray("c");
    r.rows().forEach(row -> row.forEach(rows.addArray()::add));
    ArrayNode e = n.putArray("e");
    r.errors().forEach(x -> e.add(error(x)));
    return n.toString();
  }

  static PatientResult read(String line) {
    JsonNode n = tree(line);
    List<BulkError> errors = new ArrayList<>();
    n.path("e").forEach(x -> errors.add(error(x)));
    return new PatientResult(
        n.path("p").asText(),
        n.path("j").asText(),
        words(n.path("f")),
        words(n.path("m")),
        words(n.path("a")),
        rows(n.path("c")),
        errors);
  }

  static ObjectNode error(BulkError e) {
    ObjectNode o = JSON.createObjectNode();
    if (!e.file().isEmpty()) {
      o.put("file", e.file()).put("line", e.line());
    }
    if (!e.patient().isEmpty()) {
      o.put("patient", e.patient());
    }
    return o.put("kind", e.kind()).put("problem", e.problem());
  }

  static BulkError error(JsonNode o) {
    return new BulkError(
        o.path("file").asText(""),
        o.path("line").asLong(0),
        o.path("patient").asText(""),
        o.path("kind").asText(""),
        o.path("problem").asText(""));
  }

  static BulkError readError(String line) {
    return error(tree(line));
  }

  private static JsonNode tree(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BulkException("corrupt work file line: " + ResourceLine.firstLine(e.getMessage()));
    }
  }

  private static List<List<String>> rows(JsonNode a) {
    List<List<String>> out = new ArrayList<>(a.size());
    a.forEach(row -> out.add(words(row)));
    return out;
  }

  private static List<String> words(JsonNode a) {
    List<String> out = new ArrayList<>(a.size());
    a.forEach(x -> out.add(x.asText()));
    return out;
  }
}
