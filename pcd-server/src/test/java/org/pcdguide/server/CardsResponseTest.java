package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
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
        .put("uuid", Cards.uuid("hook-1", "POEMS-TX-001").toString())
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
      assertThat(Cards.uuid(k.get(0), k.get(1))).isEqualTo(expected);
      assertThat(Cards.uuid(k.get(0), k.get(1)).version()).isEqualTo(3);
    }
  }
}
