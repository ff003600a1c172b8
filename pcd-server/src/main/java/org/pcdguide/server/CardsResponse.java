package org.pcdguide.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A CDS Hooks cards response as it is sent: its JSON in UTF-8, serialized once, and the uuids of
 * its cards (what the audit log keeps as issued, for feedback), read from the cards as they were
 * built rather than parsed back from the JSON.
 */
record CardsResponse(byte[] json, Set<String> uuids) {

  /** The response holding {@code cards}, and their uuids (those that are valid card ids). */
  static CardsResponse of(ArrayNode cards) {
    return of(cards, id -> null);
  }

  /**
   * As {@link #of(ArrayNode)}, the same bytes, but a card's detail that ends with its entry's
   * evidence text ({@code evidence} by the entry id of the card's topic, null for none) is written
   * with that part already JSON-escaped: it is the same for every card of the entry.
   */
  static CardsResponse of(ArrayNode cards, Function<String, CardEvidence.Text> evidence) {
    Set<String> uuids = new LinkedHashSet<>();
    for (JsonNode card : cards) {
      String uuid = card.path("uuid").asText("");
      if (cardId(uuid)) {
        uuids.add(uuid);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    // the nodes serialize themselves as writeValue would, without its flush after every value
    SerializerProvider nodes = Problems.JSON.getSerializerProviderInstance();
    try (JsonGenerator g = Problems.JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("cards");
      g.writeStartArray();
      for (JsonNode card : cards) {
        write(g, card, evidence, nodes);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cards could not be written as JSON", e);
    }
    return new CardsResponse(out.toByteArray(), java.util.Collections.unmodifiableSet(uuids));
  }

  private static void write(
      JsonGenerator g,
      JsonNode card,
      Function<String, CardEvidence.Text> evidence,
      SerializerProvider nodes)
      throws IOException {
    if (!card.isObject()) {
      card.serialize(g, nodes);
      return;
    }
    g.writeStartObject();
    for (Map.Entry<String, JsonNode> field : card.properties()) {
      g.writeFieldName(field.getKey());
      JsonNode value = field.getValue();
      byte[] raw =
          field.getKey().equals("detail") && value.isTextual()
              ? withEvidence(
                  value.textValue(),
                  evidence.apply(card.path("source").path("topic").path("code").asText("")))
              : null;
      if (raw != null) {
        g.writeRawUTF8String(raw, 0, raw.length);
      } else {
        value.serialize(g, nodes);
      }
    }
    g.writeEndObject();
  }

  /**
   * A detail JSON-escaped in UTF-8, its evidence part copied from the bytes kept for it; null when
   * it does not end with that evidence or when only the generator writes it ({@link #quoted}).
   */
  private static byte[] withEvidence(String detail, CardEvidence.Text known) {
    if (known == null || known.quoted() == null || !detail.endsWith(known.text())) {
      return null;
    }
    byte[] head = quoted(detail.substring(0, detail.length() - known.text().length()));
    if (head == null) {
      return null;
    }
    byte[] all = Arrays.copyOf(head, head.length + known.quoted().length);
    System.arraycopy(known.quoted(), 0, all, head.length, known.quoted().length);
    return all;
  }

  /**
   * {@code text} JSON-escaped in UTF-8 as Jackson's generator writes it, or null for text with a
   * surrogate: the generator escapes those (a pair as two escapes, as a lone one that a FHIR string
   * may carry) where the encoder writes a pair as UTF-8 and refuses a lone one.
   */
  static byte[] quoted(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return null;
      }
    }
    return JsonStringEncoder.getInstance().quoteAsUTF8(text);
  }

  /** Whether {@code id} is a card id the audit log keeps ({@link AuditLimits#FHIR_ID}). */
  static boolean cardId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || c == '-'
          || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** The response's JSON text (what the audit log stores as the call's cards). */
  String text() {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** The audit log's hash of this response, as {@link AuditLog#sha256(String)} of its text. */
  String sha256() {
    return AuditRows.sha256(json);
  }
}
