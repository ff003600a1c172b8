package org.pcdguide.core.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What of a pack file the pack hash covers: everything but the entries' {@code examples} and the
 * module's {@code example-base}. Examples document the rules and do not change what the engine
 * outputs, so adding one must not change the hash that every report carries. The blocks are cut
 * from the bytes (a block is its key line and the lines indented deeper); {@link #same} then checks
 * that the cut text reads as the file without its examples, so nothing clinical is ever left out of
 * the hash.
 */
final class ClinicalText {
  private static final Pattern KEY =
      Pattern.compile("( *)(?:examples|example-base):[ \\t]*(?:#.*)?\\r?\\n?");

  private ClinicalText() {}

  static byte[] of(byte[] bytes) {
    String[] lines = lines(new String(bytes, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.length) {
      var m = KEY.matcher(lines[i]);
      if (!startsWithExample(lines[i]) || !m.matches()) {
        out.append(lines[i++]);
        continue;
      }
      int indent = m.group(1).length();
      int last = i;
      for (int j = i + 1; j < lines.length; j++) {
        if (skippable(lines[j])) {
          continue;
        }
        if (indent(lines[j]) <= indent) {
          break;
        }
        last = j;
      }
      trimBlankLines(out);
      i = last + 1;
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Whether {@code cut} (the clinical text read back) is {@code doc} without its examples. */
  static boolean same(JsonNode doc, JsonNode cut) {
    JsonNode expected = doc.deepCopy();
    if (expected instanceof ObjectNode o) {
      o.remove("example-base");
      for (String list : new String[] {"entries", "rules"}) {
        for (JsonNode e : o.path(list)) {
          if (e instanceof ObjectNode entry) {
            entry.remove("examples");
          }
        }
      }
    }
    return expected.equals(cut);
  }

  // A blank line before a cut block belongs to the block: a module's example-base closes the file.
  private static void trimBlankLines(StringBuilder out) {
    int end = out.length();
    while (end > 0) {
      int start = out.lastIndexOf("\n", end - 2) + 1;
      if (!out.substring(start, end).isBlank() || start == end) {
        break;
      }
      end = start;
    }
    out.setLength(end);
  }

  /** The lines of {@code text}, each with its line feed (the last one may have none). */
  private static String[] lines(String text) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines.toArray(String[]::new);
  }

  /**
   * Whether the line, after its indentation, starts with "example" ({@link #KEY} can match only
   * then). Compared character by character: the loader runs this on every line of every file.
   */
  private static boolean startsWithExample(String line) {
    int i = indent(line);
    String word = "example";
    if (line.length() - i < word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (line.charAt(i + k) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean skippable(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#");
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
