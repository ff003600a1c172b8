package org.pcdguide.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Clinicians' feedback on cards ({@code audit_feedback}): the audit store is the only place it is
 * kept, so a long-running server holds none of it in memory.
 */
public final class AuditFeedback {
  /**
   * One feedback as a request gives it: the card, accepted or overridden, and the reasons (JSON).
   */
  public record Given(String card, String outcome, String reasons) {}

  /** One feedback as the log holds it. */
  public record Recorded(
      String id,
      Instant recordedAt,
      String service,
      String card,
      String outcome,
      Optional<String> reasons,
      String caller) {}

  private static final String INSERT =
      "INSERT INTO audit_feedback (id, recorded_at, service, card_uuid, outcome,"
          + " override_reasons, caller) VALUES (?,?,?,?,?,?,?)";

  private AuditFeedback() {}

  /** The rows of one request's feedback (written in one transaction). */
  static List<AuditWriter.Row> rows(Instant at, String service, List<Given> given, String caller) {
    List<AuditWriter.Row> rows = new ArrayList<>();
    for (Given g : given) {
      rows.add(
          new AuditWriter.Row(
              INSERT,
              java.util.Arrays.asList(
                  UUID.randomUUID().toString(),
                  Timestamp.from(at),
                  service,
                  g.card(),
                  g.outcome(),
                  g.reasons(),
                  caller)));
    }
    return rows;
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

  static List<Recorded> all(Connection c) throws SQLException {
    List<Recorded> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT * FROM audit_feedback ORDER BY recorded_at, id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Recorded(
                rs.getString("id"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("service"),
                rs.getString("card_uuid"),
                rs.getString("outcome"),
                Optional.ofNullable(rs.getString("override_reasons")),
                rs.getString("caller")));
      }
    }
    return out;
  }
}
