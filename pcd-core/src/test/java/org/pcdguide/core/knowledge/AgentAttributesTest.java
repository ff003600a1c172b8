package org.pcdguide.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.AttributeClass.Membership;

/** Issue 13 rule 4: agents carry cited attributes; a class by attribute names its members. */
class AgentAttributesTest {
  private static final Path REPO_PACK = Path.of("..", "knowledge");
  private static final AttributeClass HIGH = new AttributeClass("neurotoxicity", "high");
  private final Vocabulary v = TestPack.PACK.vocabulary();

  @Test
  void neurotoxicity_highForThalidomideAndBortezomib_eachQuotedFromSeed003() {
    assertThat(v.members(HIGH)).containsExactly("bortezomib", "thalidomide");
    for (String agent : v.members(HIGH)) {
      assertThat(v.agents().get(agent).attributes().get("neurotoxicity").evidence())
          .as(agent)
          .anyMatch(ev -> ev.source().equals("seed-003") && ev.quote().isPresent());
    }
  }

  @Test
  void membership_citedOtherValue_notMember_noValue_unsourced_procedure_notApplicable() {
    assertThat(v.membership("lenalidomide", HIGH)).isEqualTo(Membership.NOT_MEMBER);
    assertThat(v.membership("dexamethasone", HIGH)).isEqualTo(Membership.NOT_MEMBER);
    assertThat(v.membership("cisplatin", HIGH)).isEqualTo(Membership.UNSOURCED);
    assertThat(v.membership("radiotherapy", HIGH)).isEqualTo(Membership.NOT_MEMBER);
    assertThat(v.membership("ivig-high-dose", HIGH)).isEqualTo(Membership.NOT_MEMBER);
    assertThat(v.unsourced(HIGH)).contains("cyclophosphamide", "etoposide", "cisplatin");
  }

  @Test
  void renalDoseAdjustment_onlyBortezomib_notRequired_fromSeed000_markedUnsupported() {
    AttributeClass notRequired = new AttributeClass("renal-dose-adjustment", "not-required");
    assertThat(v.members(notRequired)).containsExactly("bortezomib");
    assertThat(v.members(new AttributeClass("renal-dose-adjustment", "required"))).isEmpty();
    assertThat(v.agents().get("bortezomib").attributes().get("renal-dose-adjustment").evidence())
        .singleElement()
        .satisfies(
            ev -> {
              assertThat(ev.source()).isEqualTo("seed-000");
              assertThat(ev.unsupported()).isTrue();
            });
  }

  @Test
  void poemsClassRule_namesItsAgentsByAttribute() {
    AvoidEntry e = (AvoidEntry) TestPack.PACK.entry("POEMS-AVOID-003").orElseThrow();
    assertThat(e.byAttribute()).contains(HIGH);
    assertThat(e.agents()).isEmpty();
  }

  @Test
  void attributeWithoutSource_rejected(@TempDir Path dir) throws IOException {
    copyPack(dir);
    edit(
        dir.resolve("vocabulary.yaml"),
        s ->
            s.replace(
                "  - {id: cisplatin, label: Cisplatin, class: systemic}",
                "  - id: cisplatin\n    label: Cisplatin\n    class: systemic\n"
                    + "    attributes: {neurotoxicity: {value: high}}"));
    assertProblems(
        dir, "vocabulary.yaml.agents.cisplatin.attributes.neurotoxicity: an attribute value cites");
  }

  @Test
  void undeclaredAttribute_unknownValue_paraphrasedQuote_andBadClass_allListedAtOnce(
      @TempDir Path dir) throws IOException {
    copyPack(dir);
    edit(
        dir.resolve("vocabulary.yaml"),
        s ->
            s.replace(
                    "  - {id: cisplatin, label: Cisplatin, class: systemic}",
                    "  - id: cisplatin\n    label: Cisplatin\n    class: systemic\n"
                        + "    attributes:\n"
                        + "      teratogenic: {value: yes, evidence: [{source: seed-003, locator: x,"
                        + " quote: \"Do not use thalidomide-based regimens\"}]}\n"
                        + "      neurotoxicity: {value: very-high, evidence: [{source: seed-003,"
                        + " locator: x, quote: \"Cisplatin is highly neurotoxic\"}]}")
                .replace(
                    "renal-dose-adjustment:\n        value: not-required",
                    "renal-dose-adjustment:\n        value: none"));
    edit(
        dir.resolve("poems.yaml"),
        s -> s.replace("class: {neurotoxicity: high}", "class: {neurotoxicity: severe}"));
    assertProblems(
        dir,
        "cisplatin.attributes.teratogenic: 'teratogenic' is not a declared attribute",
        "cisplatin.attributes.neurotoxicity: 'very-high' is not one of [high, not-high]",
        "quote is not verbatim",
        "bortezomib.attributes.renal-dose-adjustment: 'none' is not one of",
        "POEMS-AVOID-003.class: 'severe' is not one of [high, not-high]");
  }

  private static void copyPack(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(REPO_PACK)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(REPO_PACK.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }

  private static void edit(Path file, UnaryOperator<String> change) throws IOException {
    String before = Files.readString(file, StandardCharsets.UTF_8);
    String after = change.apply(before);
    assertThat(after).as("edit of " + file.getFileName() + " applied").isNotEqualTo(before);
    Files.writeString(file, after, StandardCharsets.UTF_8);
  }

  private static void assertProblems(Path dir, String... expected) {
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOfSatisfying(
            KnowledgePackException.class,
            e -> {
              for (String x : expected) {
                assertThat(e.problems()).as(x).anyMatch(p -> p.contains(x));
              }
            });
  }
}
