package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The FHIR id syntax ({@code [A-Za-z0-9\-\.]{1,64}}, FHIR R4 datatypes) checked at the CDS Hooks
 * door: a patient id that a fetch would put in a URL, and a draft order id that a card would put in
 * a suggestion's action, are refused with a problem naming the field when they break it.
 */
final class FhirIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private FhirIds() {}

  static boolean valid(String id) {
    return ID.matcher(id).matches();
  }

  /** Why {@code value} of {@code field} is not a FHIR id; empty when it is one. */
  static Optional<String> problem(String field, String value) {
    if (valid(value)) {
      return Optional.empty();
    }
    return Optional.of(
        field
            + ": '"
            + quoted(value)
            + "' is not a FHIR id (letters, digits, '-' and '.', 1 to 64 characters)");
  }

  /**
   * Why a draft order's id is not a FHIR id (the first such order), so that no suggestion echoes
   * it; orders without an id are left to the FHIR door.
   */
  static Optional<String> draftOrderProblem(List<JsonNode> drafts) {
    for (int i = 0; i < drafts.size(); i++) {
      JsonNode id = drafts.get(i).get("id");
      if (id != null) {
        Optional<String> p =
            problem(
                "context.draftOrders.entry[" + i + "].resource.id",
                id.isTextual() ? id.asText() : id.toString());
        if (p.isPresent()) {
          return p;
        }
      }
    }
    return Optional.empty();
  }

  /** A value for a URL (path segment or query), percent-encoded whatever it holds. */
  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** At most 80 characters of {@code value}, control characters as {@code \\uXXXX}. */
  private static String quoted(String value) {
    String s = value.length() > 80 ? value.substring(0, 80) + "..." : value;
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.toString();
  }
}
