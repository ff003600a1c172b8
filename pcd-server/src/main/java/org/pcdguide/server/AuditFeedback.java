package org.pcdguide.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Clinicians' feedback on cards ({@code audit_feedback}): the audit store is the only place it is
 * kept, so a long-running server holds none of it in memory.
 */
final class AuditFeedback {
  private AuditFeedback() {}

  static void write(
      Connection c,
      Instant at,
      String service,
      String card,
      String outcome,
      String reasons,
      String caller)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_feedback (id, recorded_at, service, card_uuid, outcome,"
                + " override_reasons, caller) VALUES (?,?,?,?,?,?,?)")) {
      s.setString(1, UUID.randomUUID().toString());
      s.setTimestamp(2, Timestamp.from(at));
      s.setString(3, service);
      s.setString(4, card);
      s.setString(5, outcome);
      s.setString(6, reasons);
      s.setString(7, caller);
      s.executeUpdate();
    }
  }

  static List<String> outcomes(Connection c, String card) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT outcome FROM audit_feedback WHERE card_uuid = ? ORDER BY recorded_at")) {
      s.setString(1, card);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
