package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/**
 * Golden FHIR output Bundles (RequestGroup, DetectedIssue, GuidanceResponse, Provenance) for the
 * golden report cases of pcd-core. Regenerate only on purpose, with {@code -Dgolden.update=true},
 * and review the diff.
 */
class FhirBundleGoldenTest {
  private static final Path CASES = Path.of("../pcd-core/src/test/resources/golden");
  private static final Path GOLDEN = Path.of("src/test/resources/golden-fhir");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "poems-disseminated",
        "poems-localized",
        "poems-missing-marrow",
        "plasmacytosis-systemic",
        "scleromyxedema-dns",
        "myeloma-soft-tissue-emp"
      })
  void bundle_matchesGoldenFile(String name) throws IOException {
    byte[] input = Files.readAllBytes(CASES.resolve(name + ".case.yaml"));
    PatientCase c = new CaseReader(PACK.vocabulary()).read(name, input, Optional.empty());
    Assessment a = Engine.assess(c, PACK, c.asOf().orElseThrow());
    String actual = new FhirAssessmentWriter(PACK, Terminology.bundled()).json(a, c);
    Path golden = GOLDEN.resolve(name + ".bundle.json");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden)
        .as("golden file " + golden.getFileName() + " (regenerate with -Dgolden.update=true)")
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
