package org.pcdguide.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The CDS Hooks request bodies, read as strictly as the REST API reads its own: a JSON media type,
 * and exactly one JSON document (trailing data and concatenated documents are refused, not silently
 * ignored after the first value).
 */
final class JsonBodies {
  private static final ObjectReader STRICT =
      Problems.JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /** The body's one JSON document; empty after answering 415 or 400 when it is not one. */
  static Optional<JsonNode> read(Context ctx) {
    String type =
        Optional.ofNullable(ctx.contentType())
            .orElse("")
            .split(";")[0]
            .trim()
            .toLowerCase(Locale.ROOT);
    if (!type.equals("application/json") && !type.equals("application/fhir+json")) {
      Problems.send(
          ctx,
          415,
          "Unsupported media type",
          "Content-Type '" + type + "' is not accepted; send application/json");
      return Optional.empty();
    }
    try {
      JsonNode node = STRICT.readTree(ctx.bodyAsBytes());
      if (node == null || node.isMissingNode()) {
        Problems.send(ctx, 400, "Malformed request", "The body is empty; send one JSON object");
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (IOException e) {
      Problems.send(
          ctx,
          400,
          "Malformed request",
          "The body is not one JSON document (malformed JSON, trailing data after it, or"
              + " several documents)");
      return Optional.empty();
    }
  }
}
