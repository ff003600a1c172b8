package org.pcdguide.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Retention ({@code pcd audit prune --before DATE}): records, feedback and issued cards older than
 * a date go in one transaction, all or none; token ids whose token expired go too.
 */
public final class AuditRetention {
  /** How many of each were deleted. */
  public record Pruned(int records, int feedback, int cards, int tokens) {}

  private AuditRetention() {}

  static Pruned prune(Connection c, Instant before, Instant now, Durable durable)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      Timestamp t = Timestamp.from(before);
      int cards =
          delete(
              c,
              "DELETE FROM audit_card WHERE record_id IN"
                  + " (SELECT id FROM audit_record WHERE recorded_at < ?)",
              t);
      int records = delete(c, "DELETE FROM audit_record WHERE recorded_at < ?", t);
      int feedback = delete(c, "DELETE FROM audit_feedback WHERE recorded_at < ?", t);
      int tokens =
          delete(
              c,
              "DELETE FROM audit_token WHERE expires_at < ?",
              Timestamp.from(now.minus(JwtAuthenticator.SKEW)));
      c.commit();
      durable.durable(c);
      return new Pruned(records, feedback, cards, tokens);
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  interface Durable {
    void durable(Connection c) throws SQLException;
  }

  private static int delete(Connection c, String sql, Timestamp t) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setTimestamp(1, t);
      return s.executeUpdate();
    }
  }
}
