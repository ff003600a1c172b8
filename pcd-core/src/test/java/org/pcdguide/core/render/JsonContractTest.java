package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;

/**
 * Issue 14 item 7: the JSON report holds to its contract, docs/spec/assessment.md. Over every
 * acceptance case and golden case: every field name the report writes (outside {@code facts}, whose
 * keys are the fact registry's names) is named in the contract, and every field the contract gives
 * as an enumeration ({@code "extent": "localized | disseminated | ..."}) takes only the values it
 * lists. A new field or value fails here until the contract documents it.
 */
class JsonContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Path CONTRACT = Path.of("../docs/spec/assessment.md");
  private static final Pattern ENUM =
      Pattern.compile("\"([a-z-]+)\": \"([a-z-]+(?:\\s*\\|\\s*[a-z-]+)+)\"");

  /**
   * The enumerated fields checked: where the report writes the field, and a value that picks the
   * contract's enumeration for it (the contract has several "kind" and "severity" lists).
   */
  private record Rule(String path, String field, String witness) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule("", "extent", "localized"),
          new Rule("diagnosis.", "status", "criteria-met"),
          new Rule("recommendations.[].", "kind", "first-line"),
          new Rule("avoid.[].", "severity", "caution"),
          new Rule("headline.flags.[].", "severity", "critical"),
          new Rule("proposed-orders.[].verdicts.[].", "kind", "matches-option"),
          new Rule("proposed-orders.[].verdicts.[].", "severity", "info"),
          new Rule("trials.[].", "eligible", "yes"),
          new Rule("summary.[].", "kind", "diagnosis"));

  /** Every acceptance case that is not an invalid input, and every golden case, as JSON. */
  static Map<String, JsonNode> reports() throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/cases"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        JsonNode doc = YAML.readTree(f.toFile());
        if (doc.path("expect").has("invalid")) {
          continue;
        }
        out.put(f.getFileName().toString(), report(f, YAML.writeValueAsBytes(doc.get("case"))));
      }
    }
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".case.yaml")).sorted().toList()) {
        out.put(f.getFileName().toString(), report(f, Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private static JsonNode report(Path file, byte[] input) throws IOException {
    PatientCase c =
        new CaseReader(TestPack.PACK.vocabulary()).read(file.toString(), input, Optional.empty());
    Assessment a = Engine.assess(c, TestPack.PACK, c.asOf().orElse(TestPack.AS_OF));
    return JSON.readTree(JsonReport.render(a, TestPack.PACK));
  }

  @Test
  void everyFieldTheReportWrites_isNamedInTheContract() throws IOException {
    String contract = Files.readString(CONTRACT);
    Map<String, Set<String>> undocumented = new TreeMap<>();
    for (Map.Entry<String, JsonNode> r : reports().entrySet()) {
      walk(
          r.getValue(),
          "",
          (path, field, value) -> {
            if (!contract.contains("\"" + field + "\"") && !contract.contains("`" + field + "`")) {
              undocumented.computeIfAbsent(path + field, k -> new TreeSet<>()).add(r.getKey());
            }
          });
    }
    assertThat(undocumented.keySet())
        .as("fields the JSON report writes that docs/spec/assessment.md does not name")
        .isEmpty();
  }

  @Test
  void everyEnumeratedField_takesOnlyTheContractsValues() throws IOException {
    List<Set<String>> enumerations = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    Matcher m = ENUM.matcher(Files.readString(CONTRACT));
    while (m.find()) {
      fields.add(m.group(1));
      enumerations.add(new TreeSet<>(List.of(m.group(2).split("\\s*\\|\\s*"))));
    }
    Map<Rule, Set<String>> allowed = new LinkedHashMap<>();
    for (Rule rule : RULES) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).equals(rule.field()) && enumerations.get(i).contains(rule.witness())) {
          allowed.put(rule, enumerations.get(i));
        }
      }
      assertThat(allowed).as("the contract enumerates %s", rule).containsKey(rule);
    }
    List<String> wrong = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Map.Entry<String, JsonNode> r : reports().entrySet()) {
      walk(
          r.getValue(),
          "",
          (path, field, value) -> {
            for (Map.Entry<Rule, Set<String>> a : allowed.entrySet()) {
              if (a.getKey().path().equals(path) && a.getKey().field().equals(field)) {
                String text = value.asText();
                seen.add(path + field + "=" + text);
                if (!value.isTextual() || !a.getValue().contains(text)) {
                  wrong.add(r.getKey() + ": " + path + field + " = " + value);
                }
              }
            }
          });
    }
    assertThat(wrong).as("values the contract does not list").isEmpty();
    // the reports exercise the enumerations (extent of both disorders with an extent)
    assertThat(seen)
        .contains("extent=disseminated", "extent=systemic", "diagnosis.status=criteria-met");
  }

  private interface FieldVisitor {
    void visit(String path, String field, JsonNode value);
  }

  /** Every object field outside {@code facts} (fact registry names), with its parent path. */
  private static void walk(JsonNode n, String path, FieldVisitor v) {
    if (n.isArray()) {
      n.forEach(e -> walk(e, path + "[].", v));
    } else if (n.isObject()) {
      n.properties()
          .forEach(
              e -> {
                v.visit(path, e.getKey(), e.getValue());
                if (!(path.isEmpty() && e.getKey().equals("facts"))) {
                  walk(e.getValue(), path + e.getKey() + ".", v);
                }
              });
    }
  }
}
