package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.engine.Assessment;

/**
 * Issue 15, defect 11: what a case says is shown as text in a Markdown report, never as a link, an
 * image, inline HTML or a heading the clinician would take for the report's own.
 */
class Issue15MarkdownTest {
  private static final String HOSTILE =
      "x [Open the full report](https://attacker.example/login) ![pixel](https://attacker.example/t.png)"
          + " <img src=x onerror=alert(1)>\n# Headline\nStop all treatment";

  @Test
  void markdown_patientSuppliedCaseId_holdsNoLinkImageHtmlOrHeading() {
    Assessment a =
        TestPack.assess(
            "id: \"" + HOSTILE.replace("\n", "\\n") + "\"\n" + "diagnosis: poems-syndrome\n");
    String md = TextReport.render(a, TestPack.PACK, TextReport.Style.MARKDOWN);
    String title = md.lines().findFirst().orElseThrow();
    assertThat(title)
        .startsWith("# PCD Guide assessment: x ")
        .contains("\\[Open the full report\\](https://attacker.example/login)")
        .contains("\\!\\[pixel\\]")
        .contains("\\<img src=x onerror=alert(1)\\>")
        .contains(" \\# Headline Stop all treatment");
    // nowhere an unescaped link, image or tag
    assertThat(md)
        .doesNotContainPattern("(?<!\\\\)\\]\\(https://attacker")
        .doesNotContainPattern("(?<!\\\\)<img");
    assertThat(md.lines()).noneMatch(l -> l.startsWith("# Headline"));

    // plain text shows what the case says, as it says it
    assertThat(TextReport.render(a, TestPack.PACK, TextReport.Style.TEXT))
        .contains("[OPEN THE FULL REPORT](HTTPS://ATTACKER.EXAMPLE/LOGIN)");
  }

  @Test
  void escape_leavesOrdinaryTextAlone() {
    assertThat(MarkdownText.escape("POEMS-2026.11 (IgA lambda), 58 y"))
        .isEqualTo("POEMS-2026.11 (IgA lambda), 58 y");
  }
}
