package org.pcdguide.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The records of a time window, oldest first, read one page at a time (keyset paging on {@code
 * (recorded_at, id)}, which the {@code audit_record_recorded} index serves), so that a reader of a
 * million records holds one page of them, on SQLite and PostgreSQL alike.
 */
final class AuditPages implements Iterator<AuditLog.Record> {
  static final int PAGE = 64;

  private static final String PAGE_SQL =
      "SELECT * FROM audit_record WHERE recorded_at >= ? AND recorded_at < ?"
          + " AND (recorded_at > ? OR id > ?) ORDER BY recorded_at, id LIMIT ?";

  private final AuditConnections connections;
  private final Instant until;
  private final ArrayDeque<AuditLog.Record> page = new ArrayDeque<>();
  private Instant afterTime;
  private String afterId = "";
  private boolean last;

  AuditPages(AuditConnections connections, Instant since, Instant until) {
    this.connections = connections;
    this.until = until;
    // the first page starts at since itself: every id there is above the empty string
    this.afterTime = since;
  }

  @Override
  public boolean hasNext() {
    if (page.isEmpty() && !last) {
      read();
    }
    return !page.isEmpty();
  }

  @Override
  public AuditLog.Record next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.removeFirst();
  }

  private void read() {
    List<AuditLog.Record> out = new ArrayList<>();
    try (Connection c = connections.open();
        PreparedStatement s = c.prepareStatement(PAGE_SQL)) {
      Timestamp after = Timestamp.from(afterTime);
      s.setTimestamp(1, after);
      s.setTimestamp(2, Timestamp.from(until));
      s.setTimestamp(3, after);
      s.setString(4, afterId);
      s.setInt(5, PAGE);
      try (ResultSet rs = s.executeQuery()) {
        AuditRows.read(rs, out);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read: " + e.getMessage(), e);
    }
    last = out.size() < PAGE;
    if (!out.isEmpty()) {
      AuditLog.Record end = out.get(out.size() - 1);
      afterTime = end.recordedAt();
      afterId = end.id();
    }
    page.addAll(out);
  }
}
