package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fact table of docs/knowledge-format.md is generated from the fact registry and the pack's
 * criteria; this fails, naming the first stale line, when a fact is added or reworded in code, or a
 * criterion moves group in the pack, and the document is not regenerated.
 */
class FactTableUpToDateTest {
  private static final Path DOC = Path.of("..", "docs", "knowledge-format.md");

  @Test
  void knowledgeFormatFactTable_matchesTheFactRegistry(@TempDir Path dir) throws IOException {
    Path copy = dir.resolve("knowledge-format.md");
    Files.copy(DOC, copy);
    PcdTest.Run run =
        PcdTest.pcd(
            "knowledge",
            "docs",
            "--out",
            dir.resolve("rules").toString(),
            "--fact-table",
            copy.toString());
    assertThat(run.code()).isZero();
    String regenerated = Files.readString(copy, StandardCharsets.UTF_8);
    assertThat(regenerated)
        .contains("| `radiotherapy.end` | date |")
        .contains(
            "| `poems.criterion.papilledema` | boolean | minor criterion of `poems.criteria`");
    String[] committed = Files.readString(DOC, StandardCharsets.UTF_8).split("\n", -1);
    String[] generated = regenerated.split("\n", -1);
    for (int i = 0; i < Math.max(committed.length, generated.length); i++) {
      String c = i < committed.length ? committed[i] : "<end of file>";
      String g = i < generated.length ? generated[i] : "<end of file>";
      assertThat(c)
          .as("docs/knowledge-format.md line " + (i + 1) + " is stale: run ./pcd knowledge docs")
          .isEqualTo(g);
    }
  }

  @Test
  void factTable_withoutMarkers_isAUsageError(@TempDir Path dir) throws IOException {
    Path doc = dir.resolve("plain.md");
    Files.writeString(doc, "# no markers here\n");
    PcdTest.Run run =
        PcdTest.pcd("knowledge", "docs", "--out", dir.toString(), "--fact-table", doc.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--fact-table").contains("markers");
  }
}
