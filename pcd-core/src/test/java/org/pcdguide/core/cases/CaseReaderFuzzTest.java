package org.pcdguide.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.Vocabulary;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/**
 * The case-file door under coverage-guided fuzzing (issue 15): any bytes, YAML or JSON, give a case
 * or one {@link CaseFormatException} whose problems each say what is wrong; never another
 * exception, a hang or an out-of-memory. The normal build replays the seeds in {@code
 * CaseReaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md).
 */
class CaseReaderFuzzTest {
  private static final Vocabulary VOCABULARY =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG).vocabulary();
  private static final CaseReader READER = new CaseReader(VOCABULARY);

  @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
  void read(byte[] content) {
    try {
      PatientCase c = READER.read("fuzz.yaml", content, Optional.empty());
      assertThat(c).isNotNull();
    } catch (CaseFormatException e) {
      assertThat(e.problems()).as("a refused case says what is wrong").isNotEmpty();
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
      assertThat(e.getMessage()).contains("fuzz.yaml");
    }
  }
}
