package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;

/**
 * Golden text, Markdown and JSON reports for three cases. Regenerate only on purpose, with {@code
 * -Dgolden.update=true}, and review the diff.
 */
class GoldenReportsTest {
  private static final Path CASES = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

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
