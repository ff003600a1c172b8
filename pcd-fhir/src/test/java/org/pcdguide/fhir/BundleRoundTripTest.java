package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.core.render.JsonReport;

/**
 * Every acceptance case of pcd-core, written as a FHIR Bundle by the test generator and read back
 * through the FHIR door, gives the same assessment as the case file, byte for byte.
 */
class BundleRoundTripTest {
  static final KnowledgePack PACK = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  static final Terminology TERMINOLOGY = Terminology.bundled();
  private static final Path CASES = Path.of("../pcd-core/src/test/resources/cases");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(list).hasSizeGreaterThan(100);
      return list.stream();
    }
  }

  static Optional<PatientCase> caseOf(Path file) throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode doc = yaml.readTree(file.toFile());
    if (doc.path("expect").has("invalid")) {
      return Optional.empty();
    }
    byte[] input = yaml.writeValueAsBytes(doc.required("case"));
    return Optional.of(
        new CaseReader(PACK.vocabulary()).read(file.toString(), input, Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void bundle_assessesExactlyLikeTheCaseFile(Path file) throws IOException {
    Optional<PatientCase> fromFile = caseOf(file);
    if (fromFile.isEmpty()) {
      return;
    }
    String bundle = CaseBundles.json(fromFile.get(), PACK.vocabulary(), TERMINOLOGY);
    PatientCase fromBundle =
        new HapiBundleCaseSource(PACK.vocabulary(), TERMINOLOGY)
            .read("bundle.json", bundle.getBytes(StandardCharsets.UTF_8), Optional.empty());
    assertThat(fromBundle.notes()).as("door notes").isEmpty();
    var asOf = fromFile.get().asOf().orElseThrow();
    String expected = JsonReport.render(Engine.assess(fromFile.get(), PACK, asOf), PACK);
    String actual = JsonReport.render(Engine.assess(fromBundle, PACK, asOf), PACK);
    assertThat(actual).isEqualTo(expected);
  }
}
