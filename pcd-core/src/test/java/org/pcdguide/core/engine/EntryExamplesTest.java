package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.Coverage;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.EntryExample;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/**
 * Runs every entry's examples (docs/knowledge-format.md, "Examples") through the real engine: a
 * firing case must list the entry, a near miss must not. A failure names the entry and the example.
 */
class EntryExamplesTest {
  private static final Path REPO_PACK = Path.of("..", "knowledge");

  static Stream<Named<EntryExample>> examples() {
    List<EntryExample> all =
        TestPack.PACK.examples().values().stream().flatMap(List::stream).toList();
    assertThat(all).as("entry examples in the pack").hasSizeGreaterThanOrEqualTo(66);
    return all.stream().map(x -> Named.of(x.label(), x));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_holds(EntryExample example) {
    assertThat(Observed.failure(TestPack.PACK, example)).isEmpty();
  }

  @Test
  void everyTreatmentAvoidAndTrialEntry_hasAFiringCaseAndANearMiss() {
    assertThat(Coverage.examples(TestPack.PACK))
        .filteredOn(Coverage.Examples::expected)
        .hasSizeGreaterThanOrEqualTo(33)
        .allSatisfy(e -> assertThat(e.complete()).as(e.entry() + " examples").isTrue());
  }

  @Test
  void anExampleThatExpectsTheWrongThing_failsNamingEntryAndExample(@TempDir Path dir)
      throws IOException {
    copyPack(dir);
    Path poems = dir.resolve("poems.yaml");
    String text = Files.readString(poems, StandardCharsets.UTF_8);
    // the near miss of radiotherapy for localized disease, turned into a claim that it fires
    String flipped = text.replaceFirst("does-not-fire: (marrow involvement makes)", "fires: $1");
    assertThat(flipped).isNotEqualTo(text);
    Files.writeString(poems, flipped, StandardCharsets.UTF_8);
    KnowledgePack edited = YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG);
    assertThat(edited.hash()).isEqualTo(TestPack.PACK.hash());
    EntryExample wrong =
        edited.examples("POEMS-TX-001").stream()
            .filter(x -> x.description().startsWith("marrow involvement makes"))
            .findFirst()
            .orElseThrow();
    assertThat(Observed.failure(edited, wrong))
        .hasValueSatisfying(
            f -> assertThat(f).contains("POEMS-TX-001 fires #2").contains("was not listed"));
  }

  private static void copyPack(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(REPO_PACK)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(REPO_PACK.relativize(p).toString());
        Files.createDirectories(to.getParent());
        Files.copy(p, to);
      }
    }
  }

  /** What the engine made of an example's entry: listed or not (or undecided), and with what. */
  private record Observed(Truth listed, Optional<Severity> severity, String shown) {

    static Optional<String> failure(KnowledgePack pack, EntryExample x) {
      Entry entry = pack.entry(x.entry()).orElseThrow();
      PatientCase c =
          new CaseReader(pack.vocabulary())
              .read(
                  x.label(), x.document().getBytes(StandardCharsets.UTF_8), Optional.of(x.asOf()));
      Observed seen = of(entry, c, pack, x);
      Truth wanted = x.expect() == EntryExample.Expect.FIRES ? Truth.TRUE : Truth.FALSE;
      if (seen.listed() != wanted) {
        String was = seen.listed() == Truth.TRUE ? "was listed" : "was not listed";
        if (seen.listed() == Truth.UNKNOWN) {
          was = "was undecided";
        }
        return Optional.of(x.label() + ": " + was + " (" + seen.shown() + ")");
      }
      if (x.severity().isPresent() && !x.severity().equals(seen.severity())) {
        return Optional.of(
            x.label()
                + ": severity "
                + seen.severity().map(Severity::word).orElse("none")
                + ", expected "
                + x.severity().get().word());
      }
      return Optional.empty();
    }

    private static Observed of(Entry entry, PatientCase c, KnowledgePack pack, EntryExample x) {
      String id = entry.id();
      if (entry.kind() == org.pcdguide.core.knowledge.EntryKind.SCREENING) {
        List<String> hits =
            Engine.screen(c, pack, x.asOf()).hits().stream().map(h -> h.rule().id()).toList();
        return new Observed(truth(hits.contains(id)), Optional.empty(), "screening " + hits);
      }
      Assessment a = Engine.assess(c, pack, x.asOf());
      return switch (entry.kind()) {
        case AVOID -> {
          Optional<Assessment.AvoidItem> item =
              a.avoid().stream().filter(i -> i.entry().id().equals(id)).findFirst();
          yield new Observed(
              truth(item.isPresent()),
              item.map(Assessment.AvoidItem::severity),
              "avoid " + ids(a.avoid()));
        }
        case TRIAL -> {
          Optional<Assessment.Trial> t =
              a.trials().stream().filter(i -> i.entry().id().equals(id)).findFirst();
          Truth listed =
              t.map(
                      i ->
                          switch (i.eligible()) {
                            case YES -> Truth.TRUE;
                            case NO -> Truth.FALSE;
                            case UNKNOWN -> Truth.UNKNOWN;
                          })
                  .orElse(Truth.FALSE);
          yield new Observed(
              listed,
              Optional.empty(),
              "trial " + t.map(i -> i.eligible().word() + " " + i.because()).orElse("not listed"));
        }
        case PITFALL -> guidance(id, a.pitfalls(), "pitfalls");
        case MONITORING -> guidance(id, a.monitoring(), "monitoring");
        case TIMELINE -> guidance(id, a.timeline(), "timeline");
        case CONTEXT -> guidance(id, a.context(), "context");
        case DIAGNOSTIC -> diagnostic(id, a);
        default ->
            new Observed(
                truth(ids(a.recommendations()).contains(id)),
                Optional.empty(),
                "recommendations " + ids(a.recommendations()) + ", extent " + a.extent());
      };
    }

    private static Observed guidance(
        String id, List<Assessment.GuidanceItem> items, String section) {
      return new Observed(truth(ids(items).contains(id)), Optional.empty(), section + ids(items));
    }

    /** A criterion fires when it is met; the diagnostic rule itself when the criteria are met. */
    private static Observed diagnostic(String id, Assessment a) {
      if (a.diagnosis().isEmpty()) {
        return new Observed(Truth.FALSE, Optional.empty(), "no diagnosis check");
      }
      Assessment.DiagnosisCheck d = a.diagnosis().get();
      for (Assessment.CriterionResult r : d.criteria()) {
        if (r.entry().id().equals(id)) {
          return new Observed(r.met(), Optional.empty(), "criterion " + r.because());
        }
      }
      boolean rule =
          d.rule().filter(r -> r.id().equals(id)).isPresent()
              && d.status() == DiagnosisStatus.CRITERIA_MET;
      return new Observed(truth(rule), Optional.empty(), "diagnosis " + d.status().word());
    }

    private static Truth truth(boolean b) {
      return b ? Truth.TRUE : Truth.FALSE;
    }

    private static List<String> ids(List<? extends Assessment.Item> items) {
      return items.stream().map(i -> i.entry().id()).toList();
    }
  }
}
