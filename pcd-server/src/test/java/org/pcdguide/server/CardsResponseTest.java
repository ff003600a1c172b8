package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The cards response is serialized once, as bytes, and the audit log keeps its hash and card uuids
 * from those bytes and cards: an integrator's feedback and an auditor's hash check must see exactly
 * what the previous, text-based path recorded.
 */
class CardsResponseTest {
  @Test
  void response_isTheSameJsonHashAndIssuedCardsAsTheTextPath() {
    ArrayNode cards = Problems.JSON.createArrayNode();
    cards
        .addObject()
        .put("uuid", CardIds.named("hook-1", "POEMS-TX-001").toString())
        .put("summary", "Lenalidomide–dexamethasone … ≥ 3 months, ünïcode");
    cards.addObject().put("uuid", "not a card id!").put("summary", "no valid uuid");
    cards.addObject().put("summary", "no uuid at all");

    CardsResponse response = CardsResponse.of(cards);
    String text = Problems.JSON.createObjectNode().set("cards", cards).toString();

    assertThat(response.text()).isEqualTo(text);
    assertThat(response.json()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(response.sha256()).isEqualTo(AuditLog.sha256(text));
    assertThat(response.uuids()).containsExactlyElementsOf(IssuedCards.uuids(text));
    assertThat(response.uuids()).hasSize(1);
  }

  /**
   * A detail written from its entry's escaped evidence bytes ({@link CardDetail}) is byte for byte
   * what Jackson writes for the whole text, and reads as that text: quotes, backslashes, control
   * characters and non-ASCII in either part; text with a surrogate (which the generator escapes) is
   * written by Jackson alone.
   */
  @Property(tries = 500)
  void evidenceWrittenEscaped_isTheSameBytesAsJackson(
      @ForAll("texts") String head, @ForAll("texts") String evidence) {
    ArrayNode cards = Problems.JSON.createArrayNode();
    ObjectNode card = cards.addObject();
    card.put("uuid", CardIds.named("hook", "E-1").toString());
    card.set("detail", new CardDetail(head, CardEvidence.Text.of(evidence)));
    card.put("indicator", "info");
    cards.addObject().put("detail", evidence).put("summary", head);
    ArrayNode plain = cards.deepCopy();
    ((ObjectNode) plain.get(0)).put("detail", head + evidence);

    assertThat(CardsResponse.of(cards).json()).isEqualTo(jackson(plain));
    assertThat(jackson(cards)).isEqualTo(jackson(plain));
    // written as text (a writer, not bytes), it is the text Jackson writes
    assertThat(cards.toString()).isEqualTo(plain.toString());
    assertThat(cards.toPrettyString()).isEqualTo(plain.toPrettyString());
    assertThat(card.path("detail").isTextual()).isTrue();
    assertThat(card.path("detail").textValue()).isEqualTo(head + evidence);
    assertThat(card.path("detail").asText()).isEqualTo(head + evidence);
    assertThat(card.path("detail")).isEqualTo(plain.get(0).path("detail"));
  }

  private static byte[] jackson(ArrayNode cards) {
    try {
      return Problems.JSON.writeValueAsBytes(Problems.JSON.createObjectNode().set("cards", cards));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    // '~' stands for an emoji (a surrogate pair), '^' for a lone surrogate (as a FHIR string's
    // "\\uD800" escape reads): Jackson's generator escapes both, so such text is left to it
    return Arbitraries.strings()
        .withChars("ab \"\\/\n\t\r\u0000\u001f\u007f…≥ünï~^")
        .ofMaxLength(40)
        .map(t -> t.replace("~", "\uD83D\uDE00").replace("^", "\uD800"));
  }

  @Test
  void cardId_acceptsExactlyWhatTheAuditLogsIdPatternAccepts() {
    for (String id :
        List.of(
            "",
            "a",
            "0f8fad5b-d9cb-469f-a165-70867728950e",
            "A.b-9",
            "x".repeat(64),
            "x".repeat(65),
            "with space",
            "under_score",
            "ünï",
            "a/b",
            "a\nb")) {
      assertThat(CardsResponse.cardId(id))
          .as(id)
          .isEqualTo(AuditLimits.FHIR_ID.matcher(id).matches());
    }
  }

  @Test
  void cardUuid_isTheNameBasedUuidOfTheHookInstanceAndEntry() {
    for (List<String> k :
        List.of(
            List.of("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "POEMS-TX-001"),
            List.of("", ""),
            List.of("instance ü ≥", "missing-data"))) {
      UUID expected =
          UUID.nameUUIDFromBytes((k.get(0) + "|" + k.get(1)).getBytes(StandardCharsets.UTF_8));
      assertThat(CardIds.named(k.get(0), k.get(1))).isEqualTo(expected);
      assertThat(CardIds.named(k.get(0), k.get(1)).version()).isEqualTo(3);
    }
  }
}
