package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.knowledge.Severity;

/**
 * Runs every acceptance case in {@code src/test/resources/cases/}: each file holds the input case
 * and, beside it, the ids the assessment must (and must not) produce. See cases/README.md.
 */
class AcceptanceCasesTest {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Path DIR = Path.of("src/test/resources/cases");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(list).as("acceptance cases").hasSizeGreaterThanOrEqualTo(20);
      for (String disorder : List.of("poems", "plasmacytosis", "scleromyxedema", "myeloma")) {
        assertThat(list.stream().filter(p -> p.getFileName().toString().startsWith(disorder + "-")))
            .as("acceptance cases for " + disorder)
            .hasSizeGreaterThanOrEqualTo(12);
      }
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void acceptanceCase(Path file) throws IOException {
    JsonNode doc = YAML.readTree(file.toFile());
    JsonNode expect = expectations(file, doc);
    byte[] input = YAML.writeValueAsBytes(doc.required("case"));
    CaseReader reader = new CaseReader(TestPack.PACK.vocabulary());
    if (expect.has("invalid")) {
      assertThatThrownBy(() -> reader.read(file.toString(), input, Optional.empty()))
          .isInstanceOfSatisfying(
              CaseFormatException.class,
              e ->
                  assertThat(e.problems().stream().map(Problem::path).toList())
                      .containsAll(words(expect.get("invalid"))));
      return;
    }
    PatientCase c = reader.read(file.toString(), input, Optional.empty());
    Assessment a = Engine.assess(c, TestPack.PACK, c.asOf().orElse(TestPack.AS_OF));
    String diagnosis = a.diagnosis().map(d -> d.status().word()).orElse("not-assessed");
    check(expect, "diagnosis", List.of(diagnosis));
    check(expect, "extent", List.of(a.extent()));
    List<String> recs = ids(a.recommendations());
    if (expect.has("first")) {
      assertThat(recs).as("first recommendation").isNotEmpty();
      assertThat(recs.get(0)).as("first recommendation").isEqualTo(expect.get("first").asText());
    }
    if (expect.has("recommendations")) {
      assertThat(recs)
          .as("recommendations in rank order")
          .containsExactlyElementsOf(words(expect.get("recommendations")));
    }
    contains(expect, "includes", all(a));
    if (expect.has("excludes")) {
      assertThat(all(a))
          .as("excluded ids")
          .doesNotContainAnyElementsOf(words(expect.get("excludes")));
    }
    if (expect.has("avoid")) {
      assertThat(ids(a.avoid()))
          .as("avoid")
          .containsExactlyInAnyOrderElementsOf(words(expect.get("avoid")));
    }
    List<String> critical = new ArrayList<>();
    a.avoid().stream()
        .filter(i -> i.severity() == Severity.CRITICAL)
        .forEach(i -> critical.add(i.entry().id()));
    if (expect.has("critical")) {
      assertThat(critical)
          .as("critical avoid entries")
          .containsExactlyInAnyOrderElementsOf(words(expect.get("critical")));
    }
    if (expect.has("missing-data")) {
      assertThat(a.missingData().stream().map(Assessment.MissingData::finding).toList())
          .as("missing data")
          .containsExactlyInAnyOrderElementsOf(words(expect.get("missing-data")));
    }
    List<String> warnings = a.warnings().stream().map(Warning::id).toList();
    contains(expect, "warnings", warnings);
    if (expect.has("absent-warnings")) {
      assertThat(warnings)
          .as("warnings that must not appear")
          .doesNotContainAnyElementsOf(words(expect.get("absent-warnings")));
    }
    if (expect.has("facts")) {
      expect
          .get("facts")
          .fields()
          .forEachRemaining(
              f ->
                  assertThat(
                          Optional.ofNullable(a.facts().get(f.getKey()))
                              .map(org.pcdguide.core.facts.FactValue::display))
                      .as("fact " + f.getKey() + " in the report's facts")
                      .contains(f.getValue().asText()));
    }
    if (expect.has("because")) {
      expect
          .get("because")
          .fields()
          .forEachRemaining(
              b ->
                  assertThat(because(a, b.getKey()))
                      .as("because of " + b.getKey())
                      .containsAll(words(b.getValue())));
    }
    if (expect.has("renal-dosing")) {
      renalDosing(expect.get("renal-dosing"), a);
    }
    if (expect.has("trials")) {
      expect
          .get("trials")
          .fields()
          .forEachRemaining(
              t ->
                  assertThat(
                          a.trials().stream()
                              .filter(x -> x.entry().id().equals(t.getKey()))
                              .map(x -> x.eligible().word())
                              .findFirst())
                      .as("eligibility for trial " + t.getKey())
                      .contains(t.getValue().asText()));
    }
    if (expect.has("then")) {
      Assessment.Recommendation top = a.recommendations().get(0);
      assertThat(top.then())
          .as("then-steps of the first recommendation")
          .containsExactlyElementsOf(words(expect.get("then")));
    }
    if (expect.has("not-offered")) {
      assertThat(a.notOffered().stream().map(n -> n.entry().id()).toList())
          .as("options not offered again (history)")
          .containsExactlyInAnyOrderElementsOf(words(expect.get("not-offered")));
    }
    if (expect.has("screening")) {
      assertThat(ids(a.screening()))
          .as("screening findings in the assessment")
          .containsExactlyInAnyOrderElementsOf(words(expect.get("screening")));
    }
    if (expect.has("plan")) {
      assertThat(ids(a.plan()))
          .as("plan items (guidance ahead of a recommended or proposed procedure)")
          .containsExactlyInAnyOrderElementsOf(words(expect.get("plan")));
    }
    if (expect.has("orders")) {
      expect
          .get("orders")
          .fields()
          .forEachRemaining(
              o ->
                  assertThat(
                          a.orders().stream()
                              .filter(x -> x.order().equals(o.getKey()))
                              .flatMap(x -> x.verdicts().stream())
                              .map(v -> v.kind().word())
                              .toList())
                      .as("verdicts on proposed order " + o.getKey())
                      .containsExactlyInAnyOrderElementsOf(words(o.getValue())));
    }
  }

  /**
   * {@code renal-dosing}: recommendation id to its drugs by renal dose adjustment ({@code adjust},
   * {@code not-required}, {@code unsourced}; an absent list is empty); {@code {}}: no option is
   * annotated.
   */
  private static void renalDosing(JsonNode expected, Assessment a) {
    List<Warning.RenalOption> options =
        a.warnings().stream()
            .filter(Warning.RenalDosing.class::isInstance)
            .flatMap(w -> ((Warning.RenalDosing) w).options().stream())
            .toList();
    if (expected.isEmpty()) {
      assertThat(options).as("renal dosing annotations").isEmpty();
    }
    expected
        .fields()
        .forEachRemaining(
            e -> {
              Warning.RenalOption o =
                  options.stream()
                      .filter(x -> x.entry().equals(e.getKey()))
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("no renal dosing on " + e.getKey()));
              JsonNode lists = e.getValue();
              assertThat(o.adjust()).as(e.getKey() + " adjust").isEqualTo(list(lists, "adjust"));
              assertThat(o.notRequired())
                  .as(e.getKey() + " not-required")
                  .isEqualTo(list(lists, "not-required"));
              assertThat(o.unsourced())
                  .as(e.getKey() + " unsourced")
                  .isEqualTo(list(lists, "unsourced"));
            });
  }

  private static List<String> list(JsonNode node, String key) {
    return node.has(key) ? words(node.get(key)) : List.of();
  }

  /**
   * The keys of a case file, and of its {@code expect:}, that the runner checks (cases/README.md).
   */
  static final Set<String> CASE_KEYS = Set.of("description", "case", "expect");

  static final Set<String> EXPECT_KEYS =
      Set.of(
          "diagnosis",
          "extent",
          "first",
          "then",
          "recommendations",
          "includes",
          "excludes",
          "avoid",
          "critical",
          "missing-data",
          "warnings",
          "absent-warnings",
          "renal-dosing",
          "facts",
          "because",
          "trials",
          "not-offered",
          "orders",
          "screening",
          "plan",
          "invalid");

  /**
   * The expectations of a case file. A key the runner does not know fails, naming the file and the
   * key: a misspelt expectation would otherwise check nothing and pass.
   */
  static JsonNode expectations(Path file, JsonNode doc) {
    List<String> unknown = unknownKeys(doc, CASE_KEYS, "");
    JsonNode expect = doc.path("expect");
    if (!expect.isObject() || expect.isEmpty()) {
      fail(
          file
              + ": no expectations (expect: with at least one of "
              + new TreeSet<>(EXPECT_KEYS)
              + ")");
    }
    unknown.addAll(unknownKeys(expect, EXPECT_KEYS, "expect."));
    if (!unknown.isEmpty()) {
      fail(
          file
              + ": unknown key "
              + String.join(", ", unknown)
              + " (a case has "
              + new TreeSet<>(CASE_KEYS)
              + "; expect: has "
              + new TreeSet<>(EXPECT_KEYS)
              + ")");
    }
    return expect;
  }

  private static List<String> unknownKeys(JsonNode node, Set<String> known, String prefix) {
    List<String> unknown = new ArrayList<>();
    node.fieldNames()
        .forEachRemaining(
            k -> {
              if (!known.contains(k)) {
                unknown.add(prefix + k);
              }
            });
    return unknown;
  }

  @Test
  void runner_givenACaseWithAMisspelledExpectation_failsNamingTheFileAndKey(@TempDir Path dir)
      throws IOException {
    Path real = DIR.resolve("poems-01-localized-solitary-marrow-negative.yaml");
    String text = Files.readString(real, StandardCharsets.UTF_8);
    assertThat(text).contains("\n  recommendations:");
    Path typo = dir.resolve("poems-01-typo.yaml");
    Files.writeString(typo, text.replace("\n  recommendations:", "\n  recomendations:"));
    assertThatThrownBy(() -> acceptanceCase(typo))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(typo + ": unknown key expect.recomendations (");
  }

  @Test
  void expectations_unknownTopLevelKeyOrNoExpect_failNamingTheFile() throws IOException {
    JsonNode typo =
        YAML.readTree("descripton: x\ncase: {pcd-case: 1}\nexpect: {frist: X, first: X}\n");
    assertThatThrownBy(() -> expectations(Path.of("cases/typo.yaml"), typo))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("cases/typo.yaml: unknown key descripton, expect.frist (");
    JsonNode none = YAML.readTree("description: x\ncase: {pcd-case: 1}\nexpects: {first: X}\n");
    assertThatThrownBy(() -> expectations(Path.of("cases/none.yaml"), none))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("cases/none.yaml: no expectations");
    JsonNode good = YAML.readTree("description: x\ncase: {pcd-case: 1}\nexpect: {first: X}\n");
    assertThat(expectations(Path.of("cases/good.yaml"), good).get("first").asText()).isEqualTo("X");
  }

  private static List<String> all(Assessment a) {
    List<String> ids = new ArrayList<>();
    for (List<? extends Assessment.Item> s :
        List.of(
            a.recommendations(),
            a.avoid(),
            a.pitfalls(),
            a.monitoring(),
            a.timeline(),
            a.context())) {
      ids.addAll(ids(s));
    }
    return ids;
  }

  /** The trace of the item with this entry id, in whichever section it appears. */
  private static List<String> because(Assessment a, String id) {
    return java.util.stream.Stream.of(
            a.recommendations(), a.avoid(), a.pitfalls(), a.monitoring(), a.timeline(), a.context())
        .flatMap(List::stream)
        .filter(i -> i.entry().id().equals(id))
        .findFirst()
        .map(Assessment.Item::because)
        .orElseGet(() -> fail("no item " + id + " to read the because of"));
  }

  private static List<String> ids(List<? extends Assessment.Item> items) {
    return items.stream().map(i -> i.entry().id()).toList();
  }

  private static void check(JsonNode expect, String key, List<String> actual) {
    if (expect.has(key)) {
      assertThat(actual.get(0)).as(key).isEqualTo(expect.get(key).asText());
    }
  }

  private static void contains(JsonNode expect, String key, List<String> actual) {
    if (expect.has(key)) {
      assertThat(actual).as(key).containsAll(words(expect.get(key)));
    }
  }

  static List<String> words(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isTextual()) {
      out.add(node.asText());
    } else {
      fail("expected a word or a list of words, was " + node);
    }
    return out;
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
