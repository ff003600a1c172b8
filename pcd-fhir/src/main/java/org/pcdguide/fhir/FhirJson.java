package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading FHIR JSON the way HAPI's lenient parser read it, so that both doors see the same data:
 * arrays nested in arrays are flattened, a lone value where an array belongs is one element, an
 * array where one value belongs gives its first, an empty string is no value, and a number or
 * boolean where a string belongs is its text.
 */
final class FhirJson {
  private FhirJson() {}

  /** A single-valued element (missing when absent); its first value when sent as an array. */
  static JsonNode one(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isArray()) {
      return v;
    }
    for (JsonNode first : flat(v)) {
      return first;
    }
    return MissingNode.getInstance();
  }

  /** Whether an element is there (with or without a value); an empty array is none. */
  static boolean has(JsonNode node, String field) {
    return !one(node, field).isMissingNode();
  }

  /**
   * A repeating element's values. Any value other than an array (an object, but also null or a
   * primitive, which HAPI reads as an empty element) counts as one.
   */
  static Iterable<JsonNode> list(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (v.isMissingNode()) {
      return List.of();
    }
    return v.isArray() ? flat(v) : List.of(v);
  }

  /** The elements of an array, with the elements of arrays nested in it in their place. */
  private static Iterable<JsonNode> flat(JsonNode array) {
    for (JsonNode e : array) {
      if (e.isArray()) {
        List<JsonNode> out = new ArrayList<>();
        flatten(array, out);
        return out;
      }
    }
    return array; // the usual case: nothing nested, nothing copied
  }

  private static void flatten(JsonNode array, List<JsonNode> out) {
    for (JsonNode e : array) {
      if (e.isArray()) {
        flatten(e, out);
      } else {
        out.add(e);
      }
    }
  }

  /** A primitive value as written; empty for no value, an empty string or a JSON object. */
  static Optional<String> text(JsonNode v) {
    if (!(v.isTextual() || v.isNumber() || v.isBoolean())) {
      return Optional.empty();
    }
    // HAPI reads a number where text belongs as its plain decimal text
    String text = v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  static Optional<String> text(JsonNode node, String field) {
    return text(one(node, field));
  }

  /** A value of type code (Coding.code, Quantity.code, valueCode): HAPI trims codes. */
  static Optional<String> code(JsonNode node, String field) {
    return code(one(node, field));
  }

  static Optional<String> code(JsonNode v) {
    return text(v).map(String::trim); // " " is the code "", not no code
  }

  /** Extension.url: HAPI reads it only as a plain value (an array gives no url). */
  static Optional<String> url(JsonNode extension) {
    JsonNode url = extension.path("url");
    return url.isArray() ? Optional.empty() : text(url);
  }

  /**
   * The id part of a resource id or fullUrl, as HAPI's IdType reads it: a "urn:" value whole,
   * otherwise the last path segment before any "/_history/".
   */
  static Optional<String> idPart(String value) {
    if (value.isBlank()) {
      return Optional.empty();
    }
    if (value.startsWith("urn:")) {
      return Optional.of(value);
    }
    int history = value.indexOf("/_history/");
    String head = history < 0 ? value : value.substring(0, history);
    return Optional.of(head.substring(head.lastIndexOf('/') + 1));
  }
}
