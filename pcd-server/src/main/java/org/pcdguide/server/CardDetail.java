package org.pcdguide.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.util.Arrays;

/**
 * A card's detail as a JSON string node: its lead (statement, strength, what it holds on, why) then
 * its entry's evidence text. The two stay apart: the evidence is the same for every card of the
 * entry and is kept JSON-escaped in UTF-8 ({@link CardEvidence.Text}), so writing the card copies
 * those bytes instead of building and escaping the whole text on every call. Read as text ({@link
 * #textValue()}), it is the lead and the evidence joined; written, it is the bytes Jackson writes
 * for that text (a property test holds it to them).
 */
final class CardDetail extends ValueNode {
  private static final long serialVersionUID = 1L;
  private final String lead;
  private final transient CardEvidence.Text evidence;
  private String text;

  CardDetail(String lead, CardEvidence.Text evidence) {
    this.lead = lead;
    this.evidence = evidence;
  }

  @Override
  public JsonNodeType getNodeType() {
    return JsonNodeType.STRING;
  }

  @Override
  public JsonToken asToken() {
    return JsonToken.VALUE_STRING;
  }

  @Override
  public String textValue() {
    String t = text;
    if (t == null) {
      t = lead + evidence.text();
      text = t;
    }
    return t;
  }

  @Override
  public String asText() {
    return textValue();
  }

  @Override
  public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
    // raw UTF-8 only to a byte generator (not to text, a token buffer or a pretty printer's
    // writer), and not for text with a surrogate, which Jackson's generator escapes
    byte[] head =
        evidence.quoted() == null || !(g instanceof UTF8JsonGenerator) ? null : quoted(lead);
    if (head == null) {
      g.writeString(textValue());
      return;
    }
    byte[] all = Arrays.copyOf(head, head.length + evidence.quoted().length);
    System.arraycopy(evidence.quoted(), 0, all, head.length, evidence.quoted().length);
    g.writeRawUTF8String(all, 0, all.length);
  }

  /** Equal to any string node of the same text, as Jackson's text nodes compare. */
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof JsonNode n && n.isTextual() && n.textValue().equals(textValue());
  }

  @Override
  public int hashCode() {
    return textValue().hashCode();
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
}
