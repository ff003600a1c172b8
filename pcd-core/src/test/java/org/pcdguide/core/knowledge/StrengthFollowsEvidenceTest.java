package org.pcdguide.core.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.facts.FactRegistry;

/** Issue 13 rule 7: a strength never exceeds its evidence; one support level, computed once. */
class StrengthFollowsEvidenceTest {
  private static final Path REPO_PACK = Path.of("..", "knowledge");

  private static Entry entry(String id) {
    return TestPack.PACK.entry(id).orElseThrow();
  }

  @Test
  void support_ofThePlasmacytosisOptions_isWhatTheirEvidenceIs() {
    // topical corticosteroids: a human review of the same disease
    assertThat(Support.of(entry("PC-TX-004"), TestPack.PACK)).isEqualTo(Support.LOCATED_HUMAN);
    // bortezomib: the seed's only quote is marked unsupported (refs 7-8 unidentified)
    assertThat(Support.of(entry("PC-TX-008"), TestPack.PACK)).isEqualTo(Support.UNSUPPORTED);
    // alkylators: the canine study of a different disease
    assertThat(Support.of(entry("PC-TX-005"), TestPack.PACK))
        .isEqualTo(Support.NON_HUMAN_OR_PROPOSAL);
  }

  @Test
  void recommended_onVeterinaryOrUnsupportedEntries_rejectedTogether_humanEvidenceAccepted(
      @TempDir Path dir) throws IOException {
    copyPack(dir);
    Path file = dir.resolve("plasmacytosis.yaml");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    text = strength(text, "PC-TX-006", "consider", "recommended"); // canine study only
    text = strength(text, "PC-TX-008", "consider", "recommended"); // every quote unsupported
    text = strength(text, "PC-TX-004", "consider", "recommended"); // a human review
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> YamlKnowledgePackSource.directory(dir).load(FactRegistry.CATALOG))
        .isInstanceOfSatisfying(
            KnowledgePackException.class,
            e -> {
              List<String> strength =
                  e.problems().stream().filter(p -> p.contains(".strength")).toList();
              assertThat(strength).hasSize(2);
              assertThat(strength)
                  .anyMatch(p -> p.contains("PC-TX-006") && p.contains("non-human-or-proposal"))
                  .anyMatch(p -> p.contains("PC-TX-008") && p.contains("unsupported"));
            });
  }

  private static String strength(String text, String id, String from, String to) {
    int at = text.indexOf("- id: " + id + "\n");
    int s = text.indexOf("strength: " + from, at);
    assertThat(at).isNotNegative();
    assertThat(text.indexOf("- id: ", at + 1)).isGreaterThan(s);
    return text.substring(0, s) + "strength: " + to + text.substring(s + from.length() + 10);
  }

  private static void copyPack(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(REPO_PACK)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(REPO_PACK.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }
}
