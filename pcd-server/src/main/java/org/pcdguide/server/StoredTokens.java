package org.pcdguide.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token ids kept in the audit store ({@code audit_token}, migration V4) until their token expires.
 * The first use inserts the id, durably and through the group commit, before the call is answered;
 * a second insert of the same id fails on the primary key, and the id found stored says "replay".
 * Expired ids are deleted at most once a minute.
 */
final class StoredTokens implements SeenTokens {
  private static final String INSERT =
      "INSERT INTO audit_token (token_key, expires_at) VALUES (?,?)";
  private final AuditWriter writer;
  private final AuditWriter.Connections connections;
  private final AtomicLong swept = new AtomicLong();

  StoredTokens(AuditWriter writer, AuditWriter.Connections connections) {
    this.writer = writer;
    this.connections = connections;
  }

  @Override
  public boolean firstUse(String issuer, String jti, Instant expires, Instant now) {
    forgetExpired(now);
    String key = SeenTokens.key(issuer, jti);
    try {
      writer.write(INSERT, List.of(key, Timestamp.from(expires)));
      return true;
    } catch (IllegalStateException e) {
      if (stored(key)) {
        return false;
      }
      throw new IllegalStateException("the token could not be checked against replays", e);
    }
  }

  private boolean stored(String key) {
    try (Connection c = connections.open();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM audit_token WHERE token_key = ?")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the token could not be checked against replays", e);
    }
  }

  private void forgetExpired(Instant now) {
    long last = swept.get();
    if (now.toEpochMilli() - last >= 60_000 && swept.compareAndSet(last, now.toEpochMilli())) {
      writer.write(
          "DELETE FROM audit_token WHERE expires_at < ?",
          List.of(Timestamp.from(now.minus(JwtAuthenticator.SKEW))));
    }
  }
}
