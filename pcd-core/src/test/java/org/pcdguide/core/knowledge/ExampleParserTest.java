package org.pcdguide.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.facts.FactRegistry;

class ExampleParserTest {
  private static final Path REPO_PACK = Path.of("..", "knowledge");

  @TempDir Path dir;

  private void copyPack() throws IOException {
    try (Stream<Path> files = Files.walk(REPO_PACK)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(REPO_PACK.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
  }

  private void edit(String file, String from, String to) throws IOException {
    Path p = dir.resolve(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    assertThat(text).as(file + " holds the text to edit").contains(from);
    Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }

  private KnowledgePack load() {
    return YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG);
  }

  @Test
  void examples_resolveOverTheModuleBase_withTheirExpectationAndDate() {
    EntryExample nearMiss = TestPack.PACK.examples("POEMS-TX-001").get(1);
    assertThat(nearMiss.expect()).isEqualTo(EntryExample.Expect.DOES_NOT_FIRE);
    assertThat(nearMiss.asOf()).hasToString("2026-10-15");
    // the base's lesion and the example's marrow, in one case file
    assertThat(nearMiss.document())
        .contains("\"pcd-case\":1")
        .contains("\"pattern\":\"solitary\"")
        .contains("\"bone-marrow-involvement\":true");
    assertThat(TestPack.PACK.examples("POEMS-AVOID-004").get(0).severity())
        .contains(Severity.WARNING);
    assertThat(TestPack.PACK.examples("POEMS-DX-MANDATORY-1")).isEmpty();
  }

  @Test
  void examplesOfAnEntryWithoutAnId_theMissingIdIsThePackError() throws IOException {
    copyPack();
    edit("poems.yaml", "  - id: POEMS-AVOID-005\n", "  - i?: POEMS-AVOID-005\n");
    assertThatThrownBy(this::load)
        .isInstanceOfSatisfying(
            KnowledgePackException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("poems.yaml") && p.contains("id: is required")));
  }

  @Test
  void badExamples_areAllPackErrorsNamingEntryAndField() throws IOException {
    copyPack();
    edit(
        "poems.yaml",
        "case: {findings: {bone-marrow-involvement: true}}",
        "case: {findings: {bone-marow-involvement: true}}");
    edit(
        "poems.yaml",
        "- fires: marrow involvement makes the disease disseminated\n",
        "- fires: marrow involvement makes the disease disseminated\n        severity: warning\n");
    edit(
        "plasmacytosis.yaml", "- fires: cutaneous disease with", "- fired: cutaneous disease with");
    edit("myeloma-emp.yaml", "severity: warning\n      - does", "severity: fatal\n      - does");
    edit("scleromyxedema.yaml", "as-of: 2026-10-15\n  patient", "as-of: 2026-15-10\n  patient");
    assertThatThrownBy(this::load)
        .isInstanceOfSatisfying(
            KnowledgePackException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(
                        p ->
                            p.startsWith("poems.yaml.POEMS-TX-001.examples[1].case: ")
                                && p.contains("bone-marow-involvement"))
                    .contains(
                        "poems.yaml.POEMS-TX-002.examples[0].severity: only a firing example of"
                            + " an avoid entry names a severity")
                    .anyMatch(p -> p.startsWith("plasmacytosis.yaml.PC-TX-001.examples[0].fired"))
                    .anyMatch(
                        p ->
                            p.startsWith("myeloma-emp.yaml.EMP-AVOID-001.examples[0].severity")
                                && p.contains("'fatal'"))
                    .anyMatch(
                        p ->
                            p.startsWith("scleromyxedema.yaml.SCL-TX-001.examples[0].as-of")
                                && p.contains("'2026-15-10' is not a date")));
  }

  @Test
  void hash_leavesExamplesOut_butCoversEveryClinicalLine() throws IOException {
    copyPack();
    edit("poems.yaml", "- does-not-fire: localized disease (a single", "- does-not-fire: (one");
    edit("poems.yaml", "patient: {age: 52, sex: male", "patient: {age: 53, sex: male");
    KnowledgePack edited = load();
    assertThat(edited.hash()).isEqualTo(TestPack.PACK.hash());
    assertThat(edited.examples("POEMS-AVOID-004").get(1).description())
        .startsWith("(one lesion, negative marrow)");

    edit("poems.yaml", "curative doses of radiation", "curative doses of radiotherapy");
    assertThat(load().hash()).isNotEqualTo(TestPack.PACK.hash());
  }

  @Test
  void examplesNotWrittenAsABlock_areAPackErrorRatherThanHashedAway() throws IOException {
    copyPack();
    edit(
        "poems.yaml",
        "    examples:\n"
            + "      - fires: a single sclerotic lesion and a negative marrow (localized disease)\n"
            + "      - does-not-fire: marrow involvement makes the disease disseminated\n"
            + "        case: {findings: {bone-marrow-involvement: true}}\n",
        "    examples: [{fires: localized disease}]\n");
    assertThatThrownBy(this::load)
        .isInstanceOf(KnowledgePackException.class)
        .hasMessageContaining("poems.yaml: write examples and example-base as indented blocks");
  }
}
