package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A CDS Hooks cards response as it is sent: its JSON in UTF-8, serialized once, and the uuids of
 * its cards (what the audit log keeps as issued, for feedback), read from the cards as they were
 * built rather than parsed back from the JSON.
 */
record CardsResponse(byte[] json, Set<String> uuids) {

  /**
   * The response holding {@code cards}, and their uuids (those that are valid card ids). A card's
   * detail built as a {@link CardDetail} writes its evidence from the bytes kept for its entry.
   */
  static CardsResponse of(ArrayNode cards) {
    Set<String> uuids = new LinkedHashSet<>();
    for (JsonNode card : cards) {
      String uuid = card.path("uuid").asText("");
      if (cardId(uuid)) {
        uuids.add(uuid);
      }
    }
    byte[] json;
    try {
      // one value written through the mapper's recycled buffers (the nodes serialize themselves)
      json = Problems.JSON.writeValueAsBytes(Problems.JSON.createObjectNode().set("cards", cards));
    } catch (IOException e) {
      throw new IllegalStateException("cards could not be written as JSON", e);
    }
    return new CardsResponse(json, java.util.Collections.unmodifiableSet(uuids));
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
