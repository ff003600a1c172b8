package org.pcdguide.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cards each CDS Hooks call issued ({@code audit_card}): feedback naming a card that no call
 * issued (through that service) is refused, instead of being kept as if a clinician had seen it.
 */
final class IssuedCards {
  static final String INSERT =
      "INSERT INTO audit_card (card_uuid, service, record_id) VALUES (?,?,?)";

  private IssuedCards() {}

  /** The rows recording the cards of a response {@code {"cards": [...]}}. */
  static List<AuditWriter.Row> rows(String recordId, String service, String cards) {
    return rows(recordId, service, uuids(cards));
  }

  /** The rows recording that call {@code recordId} through {@code service} issued these cards. */
  static List<AuditWriter.Row> rows(
      String recordId, String service, java.util.Collection<String> uuids) {
    List<AuditWriter.Row> rows = new ArrayList<>(uuids.size());
    for (String uuid : uuids) {
      rows.add(new AuditWriter.Row(INSERT, List.of(uuid, service, recordId)));
    }
    return rows;
  }

  /** The card uuids of a response (none when it is not one). */
  static Set<String> uuids(String cards) {
    Set<String> out = new LinkedHashSet<>();
    try {
      for (JsonNode card : Problems.JSON.readTree(cards).path("cards")) {
        String uuid = card.path("uuid").asText("");
        if (AuditLimits.FHIR_ID.matcher(uuid).matches()) {
          out.add(uuid);
        }
      }
    } catch (JsonProcessingException e) {
      // not a cards response: it issued no card
    }
    return out;
  }

  /** Which of {@code cards} no call through {@code service} issued. */
  static List<String> unissued(Connection c, String service, List<String> cards)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM audit_card WHERE card_uuid = ? AND service = ?")) {
      for (String card : cards) {
        s.setString(1, card);
        s.setString(2, service);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            out.add(card);
          }
        }
      }
    }
    return out;
  }

  /**
   * Records the cards of every call that has cards but none in {@code audit_card} (calls recorded
   * before migration V4, or imported from an earlier version's log).
   */
  static void backfill(Connection c) throws SQLException {
    List<String[]> calls = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT id, kind, cards FROM audit_record r WHERE cards IS NOT NULL AND NOT EXISTS"
                    + " (SELECT 1 FROM audit_card a WHERE a.record_id = r.id)");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        calls.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (String[] call : calls) {
        for (AuditWriter.Row row : rows(call[0], call[1], call[2])) {
          for (int i = 0; i < 3; i++) {
            insert.setString(i + 1, (String) row.values().get(i));
          }
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
