package org.pcdguide.cli;

/**
 * Text from the audit store made safe for a terminal: a JWT {@code sub} or any other recorded value
 * can hold ESC, CR or LF, which would forge lines of {@code pcd audit show} or set the terminal's
 * title. Control characters (C0, DEL, C1) and the line and paragraph separators are written as
 * {@code \\uXXXX}, and a backslash as {@code \\\\}, so that what is shown reads back unambiguously.
 */
final class TerminalText {
  private TerminalText() {}

  static String safe(Object value) {
    String s = String.valueOf(value);
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (c == '\\') {
                b.append("\\\\");
              } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
