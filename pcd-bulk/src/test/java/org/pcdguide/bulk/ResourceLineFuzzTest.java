package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;

/**
 * The NDJSON line classifier under coverage-guided fuzzing (issue 15): any line is a resource the
 * door reads (with its type and patient), a resource it skips, or an error with its kind and
 * problem for {@code errors.ndjson}; never an exception, a hang or an out-of-memory. Each line is
 * classified with no code filter and with the bundled terminology's.
 *
 * <p>The normal build replays the seed directory (seeds and earlier findings) and the empty input
 * with {@link #seed} and the same checks, without Jazzer: installing Jazzer's agent scans the whole
 * test classpath for hooks, and this module's holds Spark's (about 200 jars), which took about a
 * minute per build for 19 inputs that classify in under a second. The {@link FuzzTest} runs only
 * when fuzzing ({@code JAZZER_FUZZ} set, the long run in docs/reliability.md).
 */
class ResourceLineFuzzTest {
  private static final String SEEDS = "ResourceLineFuzzTestInputs/classify";

  private static final CodeFilter CODES =
      CodeFilter.of(
          Terminology.bundled(),
          YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG).vocabulary());

  @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
  @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = ".+")
  void classify(byte[] line) {
    check(ResourceLine.classify(line, line.length, ResourceLine.READ));
    check(ResourceLine.classify(line, line.length, ResourceLine.READ, CODES));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void seed(String name, byte[] line) {
    classify(line);
  }

  @Test
  void seedDirectory_holdsTheExportLinesAndTheHostileOnes() throws Exception {
    assertThat(seeds().map(a -> (String) a.get()[0]))
        .as("every NDJSON file's first line and the hostile lines are replayed")
        .contains("(empty)", "Patient-R4", "Observation-R4", "concatenated", "truncated")
        .hasSizeGreaterThanOrEqualTo(19);
  }

  static Stream<Arguments> seeds() throws IOException, URISyntaxException {
    Path dir = Path.of(ResourceLineFuzzTest.class.getResource(SEEDS).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
      Stream.Builder<Arguments> all = Stream.builder();
      all.add(Arguments.of("(empty)", new byte[0]));
      for (Path p : sorted) {
        all.add(Arguments.of(p.getFileName().toString(), Files.readAllBytes(p)));
      }
      return all.build();
    }
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
