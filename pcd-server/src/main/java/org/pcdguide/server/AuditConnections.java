package org.pcdguide.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Connections to the audit database at one JDBC URL, and how a commit there is made durable. */
final class AuditConnections implements AuditWriter.Connections {
  private final String url;
  private final String user;
  private final String password;

  AuditConnections(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public Connection open() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * On an H2 database (configured with {@code --audit-jdbc-url}), forces the committed record into
   * the database file before the caller answers: H2 may otherwise keep the last commit in memory,
   * and a killed process lost it (AuditDurabilityTest, when H2 was the embedded store). The
   * embedded SQLite store (full sync on commit) and PostgreSQL are durable on commit.
   */
  @Override
  public void durable(Connection c) throws SQLException {
    if (url.startsWith("jdbc:h2:")) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("CHECKPOINT");
      }
    }
  }

  interface Reading<T> {
    T from(Connection c) throws SQLException;
  }

  <T> T read(Reading<T> reading) {
    try (Connection c = open()) {
      return reading.from(c);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read", e);
    }
  }

  /** The records {@code sql} selects, its parameters bound in order (never spliced into it). */
  List<AuditLog.Record> query(String sql, Object... parameters) {
    List<AuditLog.Record> out = new ArrayList<>();
    try (Connection c = open();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        AuditRows.read(rs, out);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read", e);
    }
    return out;
  }
}
