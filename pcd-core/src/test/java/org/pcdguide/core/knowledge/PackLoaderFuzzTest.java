package org.pcdguide.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pcdguide.core.facts.FactRegistry;

/**
 * The pack loader under coverage-guided fuzzing (issue 15): the repository's pack with one YAML
 * file replaced by any bytes loads, or is refused with one {@link KnowledgePackException} listing
 * its problems; never another exception, a hang or an out-of-memory. The first input byte picks the
 * file (by its index in {@link #YAML}), the rest is its content. The other files are parsed once
 * and their parsed form reused ({@link YamlKnowledgePackSource.ParseCache}); everything after
 * parsing (building, cross-checking and validating the whole pack) runs for every input.
 */
class PackLoaderFuzzTest {
  private static final Map<String, byte[]> PACK = read(Path.of("../knowledge"));
  private static final List<String> YAML =
      PACK.keySet().stream().filter(n -> n.endsWith(".yaml")).sorted().toList();
  // the files the input does not replace are the same arrays every time: parsed once, not per input
  private static final YamlKnowledgePackSource.ParseCache PARSED =
      new YamlKnowledgePackSource.ParseCache();

  static {
    // when fuzzing, the first loads (cold classes, interpreted code, about 1 s) happen before the
    // first input, so that libFuzzer's -timeout=1 times the inputs and not the JVM's warm-up
    if (System.getenv("JAZZER_FUZZ") != null) {
      for (int i = 0; i < 30; i++) {
        YamlKnowledgePackSource.of("warm-up", PACK, PARSED).load(FactRegistry.CATALOG);
      }
    }
  }

  @FuzzTest(maxDuration = "4h", maxExecutions = 1_000_000)
  void load(byte[] input) {
    if (input.length == 0) {
      return;
    }
    Map<String, byte[]> files = new TreeMap<>(PACK);
    files.put(
        YAML.get(Byte.toUnsignedInt(input[0]) % YAML.size()),
        Arrays.copyOfRange(input, 1, input.length));
    try {
      KnowledgePack pack =
          YamlKnowledgePackSource.of("fuzz", files, PARSED).load(FactRegistry.CATALOG);
      assertThat(pack.version()).isNotNull();
    } catch (KnowledgePackException e) {
      assertThat(e.problems()).as("a refused pack says what is wrong").isNotEmpty();
      assertThat(e.problems()).allSatisfy(p -> assertThat(p).isNotBlank());
    }
  }

  private static Map<String, byte[]> read(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
