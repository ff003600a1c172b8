package org.pcdguide.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON or FHIR parser's message in plain words for the sender: HAPI's message codes ({@code
 * HAPI-1861:}) and its wrapper text go, and a message naming the parser's own classes ({@code
 * com.fasterxml.jackson.databind.JsonNode}) or exceptions becomes "cannot be read", with the line
 * and column when the parser gave them.
 */
final class ParserText {
  private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+:\\s*");
  private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
  private static final Pattern INTERNAL =
      Pattern.compile("(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*|Exception|`|\\[Source:");

  private ParserText() {}

  static String plain(String message) {
    if (message == null) {
      return "unreadable content";
    }
    String line =
        HAPI_CODE
            .matcher(message.lines().findFirst().orElse(""))
            .replaceAll("")
            .replace("Failed to parse JSON encoded FHIR content: ", "")
            .trim();
    if (line.isEmpty() || INTERNAL.matcher(line).find()) {
      Matcher at = LOCATION.matcher(message);
      return "the JSON cannot be read as FHIR"
          + (at.find() ? " (line " + at.group(1) + ", column " + at.group(2) + ")" : "");
    }
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
