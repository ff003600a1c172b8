package org.pcdguide.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.facts.FactDef;
import org.pcdguide.core.facts.FactRegistry;

class KnowledgePackTest {
  private static final Path REPO_PACK = Path.of("..", "knowledge");
  private final KnowledgePack pack = TestPack.PACK;

  private List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    pack.modules().forEach(m -> all.addAll(m.entries()));
    return all;
  }

  @Test
  void repositoryPack_loadsWithoutProblems_andMatchesTheBundledOne() {
    KnowledgePack fromDir = YamlKnowledgePackSource.directory(REPO_PACK).load(FactRegistry.CATALOG);
    assertThat(fromDir.hash()).isEqualTo(pack.hash()).startsWith("sha256:");
    assertThat(fromDir.version()).isEqualTo(pack.version());
  }

  @Test
  void everySeedQuote_isVerbatimInItsStoredText() {
    Map<String, String> texts = pack.texts();
    int quotes = 0;
    for (Entry e : entries()) {
      for (Evidence ev : e.evidence()) {
        Source s = pack.source(ev.source());
        if (s.text().isPresent()) {
          assertThat(ev.quote()).as(e.id() + " cites " + s.id() + " without a quote").isPresent();
          assertThat(texts.get(s.id())).as(e.id() + " quote").contains(ev.quote().get());
          quotes++;
        }
      }
    }
    assertThat(quotes).isGreaterThan(25);
  }

  @Test
  void storedSeedTexts_areByteIdenticalToTheSeedDocuments() throws Exception {
    // SHA-256 of the seed documents as the project received them (file names
    // 000_56abfdacde357817.txt
    // to 004_7f5e023b42a6b588.txt): quotes are checked against these texts, so they must not drift.
    Map<String, String> received =
        Map.of(
            "seed-000", "c0e05e5d19e9fdf4709700aa7e2e5e87c6117c9a94b1bfe8f187537cae16a391",
            "seed-001", "8814d23548d9057e79ec9c97d04a1299c63ff84df4a7607a2c0e2391bff8ad24",
            "seed-002", "8ce5983e68667e3c58af029ed7ac14f4b2dd0cd4268b97e17b21bf48d8547792",
            "seed-003", "1d19dbbc0a5828352bf1ade43ef0ae882f770891a7375c4e78e917d04a69d59e",
            "seed-004", "2939dbe9e809dad9c0baffb7aec76f5112399fb866f14688add5b43f4adc97e5");
    Map<String, String> texts = pack.texts();
    for (Map.Entry<String, String> s : received.entrySet()) {
      byte[] stored = texts.get(s.getKey()).getBytes(StandardCharsets.UTF_8);
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)))
          .as(s.getKey() + " stored text")
          .isEqualTo(s.getValue());
    }
  }

  @Test
  void everySeedSentence_isQuotedByAnEntryOrMarkedWithAReason() {
    List<Coverage.Sentence> sentences = Coverage.of(pack);
    assertThat(sentences)
        .allSatisfy(s -> assertThat(s.accounted()).as(s.source() + ": " + s.text()).isTrue());
    for (String seed : List.of("seed-000", "seed-001", "seed-002", "seed-003", "seed-004")) {
      assertThat(sentences)
          .as(seed + " has clinical sentences covered by entries")
          .anyMatch(s -> s.source().equals(seed) && !s.entries().isEmpty());
    }
    assertThat(sentences)
        .as("seed 000's empty monitoring list is recorded as a source gap")
        .anyMatch(
            s ->
                s.source().equals("seed-000")
                    && s.mark().equals(java.util.Optional.of("source-gap")));
  }

  @Test
  void sentences_cutAsTheFormatDocumentSays() {
    assertThat(
            Coverage.sentences(
                "Heading\n- First point here. Second point 1, 2\n\n  Tail text.  3\n"))
        .containsExactly("Heading", "First point here.", "Second point", "Tail text.");
  }

  @Test
  void veterinaryStatements_areLabelledVeterinaryAndDifferentEntity() {
    Source vet = pack.source("vet-cp-2017-jvim");
    assertThat(vet.labels()).containsExactly("veterinary", "different entity");
    assertThat(pack.entry("PC-TX-006").orElseThrow().evidence())
        .anyMatch(ev -> ev.source().equals("vet-cp-2017-jvim"));
  }

  @Test
  void everyEntry_citesAKnownSource() {
    for (Entry e : entries()) {
      assertThat(e.evidence()).as(e.id()).isNotEmpty();
      e.evidence().forEach(ev -> assertThat(pack.sources()).as(e.id()).containsKey(ev.source()));
    }
  }

  @Test
  void avoidEntriesOnThalidomideAndBortezomib_carryTheDisagreementWithTheNewerReview() {
    for (String id : List.of("POEMS-AVOID-001", "POEMS-AVOID-002", "POEMS-AVOID-003")) {
      assertThat(pack.entry(id).orElseThrow().disagreements())
          .as(id)
          .extracting(Disagreement::source)
          .contains("dispenzieri-2023-ajh");
    }
    assertThat(pack.entry("POEMS-AVOID-001").orElseThrow().disagreements())
        .extracting(Disagreement::source)
        .contains("misawa-2016-lancet-neurol");
  }

  @Test
  void factRegistry_isSortedByName() {
    List<String> names = FactRegistry.all().stream().map(FactDef::name).toList();
    assertThat(names).isSorted();
  }

  @Test
  void brokenPack_everyProblemListedAtOnce(@TempDir Path dir) throws IOException {
    for (String f :
        List.of("pack.yaml", "sources.yaml", "vocabulary.yaml", "sources/seed-003.txt")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.copy(REPO_PACK.resolve(f), dir.resolve(f));
    }
    String poems = Files.readString(REPO_PACK.resolve("poems.yaml"), StandardCharsets.UTF_8);
    String broken =
        poems
            .replaceFirst(
                "\\{fact: poems.extent, equals: localized\\}",
                "{fact: poems.extnet, equals: localized}")
            .replaceFirst("agents: \\[thalidomide\\]", "agents: [thalidomid]")
            .replace(
                "Do not use thalidomide-based regimens as first-line therapy due to",
                "Never use thalidomide due to")
            .replaceFirst("source: humeniuk-2013-blood", "source: humeniuk-2031-blood");
    Files.writeString(dir.resolve("poems.yaml"), broken, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOfSatisfying(
            KnowledgePackException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains("unknown fact 'poems.extnet'"))
                    .anyMatch(p -> p.contains("'thalidomid' is not a vocabulary agent"))
                    .anyMatch(p -> p.contains("quote is not verbatim"))
                    .anyMatch(p -> p.contains("humeniuk-2031-blood")));
  }

  @Test
  void brokenAgesAndFlagCheck_everyProblemListedAtOnce(@TempDir Path dir) throws IOException {
    for (String f :
        List.of(
            "pack.yaml", "sources.yaml", "vocabulary.yaml", "sources/seed-003.txt", "poems.yaml")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.copy(REPO_PACK.resolve(f), dir.resolve(f));
    }
    Path sources = dir.resolve("sources.yaml");
    String asct = "  - id: poems-asct-leuk-2017\n";
    String text = Files.readString(sources, StandardCharsets.UTF_8);
    int at = text.indexOf(asct);
    assertThat(at).isPositive();
    int ages = text.indexOf("    ages: not-stated", at);
    Files.writeString(
        sources,
        text.substring(0, ages)
            + "    ages: {min: 70, max: 40, locator: abstract, statement: reversed}"
            + text.substring(ages + "    ages: not-stated".length()),
        StandardCharsets.UTF_8);
    Path poems = dir.resolve("poems.yaml");
    Files.writeString(
        poems,
        Files.readString(poems, StandardCharsets.UTF_8)
            .replace(
                "agents: [autologous-stem-cell-transplant]\n    when: {fact: patient.age, gt: 50}\n",
                "agents: [autologous-stem-cell-transplnt]\n"),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOfSatisfying(
            KnowledgePackException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains("ages: an age range needs 0 <= min <= max"))
                    .anyMatch(
                        p ->
                            p.contains(
                                "'autologous-stem-cell-transplnt' is not a vocabulary agent"))
                    .anyMatch(p -> p.contains("flag-checks.POEMS-FLAG-001.when: is required")));
  }

  @Test
  void everySource_recordsItsAgesOrThatTheyAreNotStated() throws IOException {
    // issue 13, rule 8: "age range not stated" is written down, never left to a default
    try (var files = Files.list(REPO_PACK)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().matches("sources.*\\.yaml")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        long sourcesIn = text.lines().filter(l -> l.startsWith("  - id: ")).count();
        long agesIn = text.lines().filter(l -> l.startsWith("    ages: ")).count();
        assertThat(agesIn).as("ages lines in " + f.getFileName()).isEqualTo(sourcesIn);
      }
    }
    assertThat(TestPack.PACK.source("daradcep-2022-jho").populationText())
        .isEqualTo("human, ages 35-73");
    assertThat(TestPack.PACK.source("seed-003").populationText())
        .isEqualTo("human, age range not stated");
  }

  @Test
  void conditionOnAnEnumFact_withAValueItCannotTake_rejected(@TempDir Path dir) throws IOException {
    for (String f :
        List.of(
            "pack.yaml", "sources.yaml", "vocabulary.yaml", "sources/seed-003.txt", "poems.yaml")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.copy(REPO_PACK.resolve(f), dir.resolve(f));
    }
    Path poems = dir.resolve("poems.yaml");
    Files.writeString(
        poems,
        Files.readString(poems).replaceFirst("equals: localized", "equals: local"),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOf(KnowledgePackException.class)
        .hasMessageContaining("cannot be compared with equals 'local'");
  }

  @Test
  void planAndHold_namingWhatTheVocabularyLacks_rejectedTogether(@TempDir Path dir)
      throws IOException {
    for (String f :
        List.of(
            "pack.yaml",
            "sources.yaml",
            "vocabulary.yaml",
            "sources/seed-003.txt",
            "poems.yaml",
            "screening.yaml")) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.copy(REPO_PACK.resolve(f), dir.resolve(f));
    }
    Path poems = dir.resolve("poems.yaml");
    Files.writeString(
        poems,
        Files.readString(poems).replace("plan-after: radiotherapy", "plan-after: lenalidomide"),
        StandardCharsets.UTF_8);
    Path screening = dir.resolve("screening.yaml");
    Files.writeString(
        screening,
        Files.readString(screening)
            .replace("orders: [ivig-high-dose, plasmapheresis]", "orders: [ivig]")
            .replace(
                "- {fact: poems.criteria, equals: met}\n          - {fact: poems.criteria, unknown:"
                    + " true}",
                "- {fact: assessment.avoid-ordered, equals: true}\n          - {fact:"
                    + " poems.criteria, unknown: true}"),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOfSatisfying(
            KnowledgePackException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains("'lenalidomide' is not a vocabulary procedure"))
                    .anyMatch(p -> p.contains("'ivig' is not a vocabulary agent or regimen"))
                    .anyMatch(p -> p.contains("may not name assessment.* facts")));
  }
}
