package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Issue 14 rule 3: every missing-data item of every acceptance case names an input the case format
 * can carry (a finding, a lab, a patient field, clonality or the history, with their details), or
 * says that no sourced rule decides it; never an internal fact such as {@code poems.extent}.
 */
class MissingDataAnswerableTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Set<String> SECTIONS = Set.of("patient", "clonality", "history");

  static java.util.stream.Stream<Path> cases() throws IOException {
    return AcceptanceCasesTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyMissingFinding_isAnInputOfTheCaseFormat(Path file) throws IOException {
    JsonNode doc = YAML.readTree(file.toFile());
    if (doc.path("expect").has("invalid")) {
      return;
    }
    PatientCase c =
        new CaseReader(TestPack.PACK.vocabulary())
            .read(file.toString(), YAML.writeValueAsBytes(doc.get("case")), Optional.empty());
    Assessment a = Engine.assess(c, TestPack.PACK, c.asOf().orElse(TestPack.AS_OF));
    Vocabulary v = TestPack.PACK.vocabulary();
    for (Assessment.MissingData m : a.missingData()) {
      String head = m.finding().split("[.\\[]", 2)[0];
      boolean input =
          v.findings().containsKey(head) || v.labs().containsKey(head) || SECTIONS.contains(head);
      assertThat(input || m.statement().startsWith("no sourced rule: clinician decision"))
          .as("%s: missing %s (%s)", file.getFileName(), m.finding(), m.statement())
          .isTrue();
    }
  }
}
