package org.pcdguide.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.DiagnosisStatus;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.KnowledgePackException;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.core.render.FactTable;

/**
 * The criteria the pack declares are the criteria the engine evaluates: moving a criterion to
 * another group in the YAML changes the decision and the documented fact table, and a criteria fact
 * without any declared mandatory criterion is a pack error (it would otherwise read as met).
 */
class DeclaredCriteriaTest {
  private static final Path REPO_PACK = Path.of("../knowledge");
  private static final Path CASE =
      Path.of("src/test/resources/golden/poems-disseminated.case.yaml");

  @Test
  void poemsCriteria_followTheGroupsDeclaredInThePack(@TempDir Path dir) throws IOException {
    assertThat(status(TestPack.PACK)).isEqualTo(DiagnosisStatus.CRITERIA_MET);
    // the case does not state papilledema: as a minor criterion it does not matter (other minors
    // are met); declared mandatory, it leaves the criteria undecided (issue 14: status stated)
    copyPack(dir);
    Path poems = dir.resolve("poems.yaml");
    Files.writeString(
        poems,
        Files.readString(poems, StandardCharsets.UTF_8)
            .replace(
                "{fact: poems.criterion.papilledema, group: minor}",
                "{fact: poems.criterion.papilledema, group: mandatory}"),
        StandardCharsets.UTF_8);
    KnowledgePack edited = YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG);
    // the case is labelled POEMS: undocumented criteria make the label the working diagnosis
    assertThat(status(edited)).isEqualTo(DiagnosisStatus.STATED);
    // the documented fact table follows the same declaration
    FactDef papilledema =
        FactRegistry.lookup("poems.criterion.papilledema", edited.vocabulary()).orElseThrow();
    assertThat(FactTable.meaning(papilledema, TestPack.PACK))
        .startsWith("minor criterion of `poems.criteria`");
    assertThat(FactTable.meaning(papilledema, edited))
        .startsWith("mandatory criterion of `poems.criteria`");
  }

  @Test
  void criterionOnANonBooleanFact_isAPackError(@TempDir Path dir) throws IOException {
    copyPack(dir);
    Path poems = dir.resolve("poems.yaml");
    Files.writeString(
        poems,
        Files.readString(poems, StandardCharsets.UTF_8)
            .replace(
                "{fact: poems.criterion.papilledema, group: minor}",
                "{fact: poems.extent, group: minor}"),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOf(KnowledgePackException.class)
        .hasMessageContaining("'poems.extent' is not a boolean fact");
  }

  @Test
  void criteriaFactWithoutADeclaredMandatoryCriterion_isAPackError(@TempDir Path dir)
      throws IOException {
    copyPack(dir);
    Path scleromyxedema = dir.resolve("scleromyxedema.yaml");
    Files.writeString(
        scleromyxedema,
        Files.readString(scleromyxedema, StandardCharsets.UTF_8)
            .replace("group: mandatory", "group: major"),
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOf(KnowledgePackException.class)
        .hasMessageContaining(
            "no module declares a mandatory criterion for 'scleromyxedema.criteria'");
  }

  private static DiagnosisStatus status(KnowledgePack pack) throws IOException {
    PatientCase c =
        new CaseReader(pack.vocabulary())
            .read(CASE.toString(), Files.readAllBytes(CASE), Optional.empty());
    Assessment a = Engine.assess(c, pack, c.asOf().orElseThrow());
    return a.diagnosis().orElseThrow().status();
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
}
