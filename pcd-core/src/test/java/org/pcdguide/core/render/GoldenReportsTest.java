package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;

/**
 * Golden text, Markdown and JSON reports for every case in golden/. Regenerate only on purpose,
 * with {@code -Dgolden.update=true}, and review the diff.
 */
class GoldenReportsTest {
  private static final Path CASES = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** What each golden case is compared in, beside its input {@code <name>.case.yaml}. */
  private static final List<String> OUTPUTS = List.of(".txt", ".md", ".json");

  static Stream<String> goldenCases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".case.yaml"))
              .map(f -> f.substring(0, f.length() - ".case.yaml".length()))
              .sorted()
              .toList();
      assertThat(names)
          .contains(
              "poems-disseminated",
              "poems-localized",
              "poems-missing-marrow",
              "plasmacytosis-systemic",
              "scleromyxedema-dns",
              "myeloma-soft-tissue-emp");
      return names.stream();
    }
  }

  @Test
  void everyGoldenFile_isTheInputOrAComparedOutputOfACase() throws IOException {
    List<String> compared =
        goldenCases()
            .flatMap(c -> Stream.concat(Stream.of(".case.yaml"), OUTPUTS.stream()).map(e -> c + e))
            .toList();
    try (Stream<Path> files = Files.list(CASES)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .as("golden files nobody compares (a misspelt name, or an output the test does not make)")
          .isSubsetOf(compared);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void reports_matchGoldenFiles(String name) throws IOException {
    byte[] input = Files.readAllBytes(CASES.resolve(name + ".case.yaml"));
    PatientCase c = new CaseReader(TestPack.PACK.vocabulary()).read(name, input, Optional.empty());
    Assessment a = Engine.assess(c, TestPack.PACK, c.asOf().orElseThrow());
    compare(name + ".txt", TextReport.render(a, TestPack.PACK, TextReport.Style.TEXT));
    compare(name + ".md", TextReport.render(a, TestPack.PACK, TextReport.Style.MARKDOWN));
    compare(name + ".json", JsonReport.render(a, TestPack.PACK));
  }

  private static void compare(String file, String actual) throws IOException {
    Path golden = CASES.resolve(file);
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden)
        .as("golden file " + file + " (regenerate with -Dgolden.update=true)")
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
