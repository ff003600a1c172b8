package org.pcdguide.core.render;

/**
 * Patient-supplied text (a case id, a stated label, a proposed order's name, what a door noted
 * about an input) as inert Markdown: the characters that open links, images, inline HTML, code and
 * emphasis are backslash-escaped, and line breaks become spaces, so a case cannot put a link, an
 * image or a heading into the report a clinician reads.
 */
final class MarkdownText {
  private static final String SPECIAL = "\\`*_[]<>!|#&";

  private MarkdownText() {}

  /** {@code s} escaped in Markdown; plain text stays as it is. */
  static String patient(TextReport.Style style, String s) {
    return style == TextReport.Style.MARKDOWN ? escape(s) : s;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else if (SPECIAL.indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
