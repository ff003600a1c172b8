package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;

/**
 * The NDJSON line classifier under coverage-guided fuzzing (issue 15): any line is a resource the
 * door reads (with its type and patient), a resource it skips, or an error with its kind and
 * problem for {@code errors.ndjson}; never an exception, a hang or an out-of-memory. Each line is
 * classified with no code filter and with the bundled terminology's.
 */
class ResourceLineFuzzTest {
  private static final CodeFilter CODES =
      CodeFilter.of(
          Terminology.bundled(),
          YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG).vocabulary());

  @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
  void classify(byte[] line) {
    check(ResourceLine.classify(line, line.length, ResourceLine.READ));
    check(ResourceLine.classify(line, line.length, ResourceLine.READ, CODES));
  }

  private static void check(ResourceLine r) {
    assertThat(r.kind()).isNotNull();
    switch (r.kind()) {
      case READ -> {
        assertThat(ResourceLine.READ).contains(r.type());
        assertThat(r.patient()).as("a read resource names its patient").isNotBlank();
      }
      case ERROR -> {
        assertThat(r.errorKind()).isNotBlank();
        assertThat(r.problem()).as("an error line says what is wrong").isNotBlank();
      }
      case SKIPPED -> assertThat(r.type()).isNotNull();
    }
  }
}
