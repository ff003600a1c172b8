package org.pcdguide.core.render;

import java.util.Locale;

/**
 * The summary block as text or Markdown lines, and the brief report ({@code pcd assess --format
 * text --brief}): a title naming the case, the as-of date and the knowledge pack, then the block.
 */
public final class SummaryText {
  private SummaryText() {}

  /** Only the block, with one title line: at most {@link Summary#MAX_LINES} + 1 lines. */
  public static String brief(ReportView v) {
    StringBuilder out = new StringBuilder();
    out.append(
            ("PCD Guide summary" + (v.caseId().isEmpty() ? "" : ": " + v.caseId()))
                .toUpperCase(Locale.ROOT))
        .append(" (as of ")
        .append(v.asOf())
        .append("; knowledge pack ")
        .append(v.knowledgeVersion())
        .append(", ")
        .append(v.knowledgeHash())
        .append(")\n");
    for (Summary.Line l : v.summary().lines()) {
      out.append(line(l, TextReport.Style.TEXT)).append('\n');
    }
    return out.toString();
  }

  /** One line of the block: plain in text, a bullet in Markdown (critical lines in bold). */
  static String line(Summary.Line l, TextReport.Style style) {
    if (style == TextReport.Style.TEXT) {
      return l.text();
    }
    return "- " + (l.critical() ? "**" + l.text() + "**" : l.text());
  }
}
