package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows real output: every excerpt of its example block is in today's report. */
class ReadmeExampleTest {
  @Test
  void readmeExample_isTheRealOutputOfTheFirstCommand() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme)
        .contains("./pcd assess examples/poems-disseminated.yaml")
        .contains("./mvnw -B verify");
    int start = readme.indexOf("```text\n") + "```text\n".length();
    String block = readme.substring(start, readme.indexOf("```\n", start));
    String actual = PcdTest.pcd("assess", "../examples/poems-disseminated.yaml").out();
    int excerpts = 0;
    for (String excerpt : block.split("\n\\.\\.\\.\n?")) {
      if (!excerpt.isBlank()) {
        assertThat(actual)
            .as("README excerpt is stale; rerun the command and paste")
            .contains(excerpt);
        excerpts++;
      }
    }
    assertThat(excerpts).isGreaterThanOrEqualTo(3);
  }
}
