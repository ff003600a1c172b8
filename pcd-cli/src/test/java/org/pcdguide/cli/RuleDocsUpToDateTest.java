package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/rules is generated from the pack; this fails when someone edits the pack and forgets it. */
class RuleDocsUpToDateTest {
  @Test
  void docsRules_matchTheKnowledgePack(@TempDir Path dir) throws IOException {
    assertThat(PcdTest.pcd("knowledge", "docs", "--out", dir.toString()).code()).isZero();
    Path committed = Path.of("..", "docs", "rules");
    List<String> generated = names(dir);
    assertThat(names(committed))
        .as("docs/rules is stale: run ./pcd knowledge docs --out docs/rules")
        .containsExactlyElementsOf(generated);
    for (String name : generated) {
      assertThat(Files.readString(committed.resolve(name)))
          .as("docs/rules/" + name + " is stale: run ./pcd knowledge docs --out docs/rules")
          .isEqualTo(Files.readString(dir.resolve(name)));
    }
    assertThat(generated).contains("POEMS-AVOID-001.md", "README.md");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
