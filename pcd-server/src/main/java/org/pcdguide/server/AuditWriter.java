package org.pcdguide.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for audit records: callers hand their unit (one or more rows that belong together)
 * to one writer thread and wait; the writer inserts every unit waiting at that moment in one
 * transaction, makes it durable once, and then releases all their callers. Under load one commit
 * serves many requests; a lone request waits for one commit, as before. A caller returns only after
 * its rows are durable, so a response is never sent for a record that could be lost. When the
 * shared transaction fails, each unit is written again in a transaction of its own: only the
 * callers whose own rows cannot be written fail (issue 15: one over-long value used to fail every
 * caller in its batch on PostgreSQL).
 */
final class AuditWriter implements AutoCloseable {
  /** One row: its statement and parameters. */
  record Row(String sql, List<Object> values) {}

  /** Rows written together or not at all, and the caller waiting for them. */
  private record Unit(List<Row> rows, CompletableFuture<Void> done) {}

  interface Connections {
    Connection open() throws SQLException;

    void durable(Connection c) throws SQLException;
  }

  private static final int MAX_BATCH = 512;
  private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>(8192);
  private final Connections connections;
  private final Thread thread;
  private volatile boolean closed;

  /** The writer connection's prepared statements, by SQL text (used by the writer thread only). */
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  AuditWriter(Connections connections) {
    this.connections = connections;
    this.thread = new Thread(this::loop, "pcd-audit-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Writes one row durably (with whatever else is waiting); throws if it could not. */
  void write(String sql, List<Object> values) {
    write(List.of(new Row(sql, values)));
  }

  /** Writes rows durably in one transaction, all or none; throws if it could not. */
  void write(List<Row> rows) {
    if (closed) {
      throw new IllegalStateException("the audit log is closed");
    }
    Unit unit = new Unit(List.copyOf(rows), new CompletableFuture<>());
    try {
      queue.put(unit);
      unit.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the audit record", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the audit record could not be written", e.getCause());
    }
  }

  private void loop() {
    Connection c = null;
    List<Unit> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        c = open(c);
        commit(c, batch);
        batch.forEach(u -> u.done().complete(null));
      } catch (InterruptedException e) {
        if (closed) {
          break;
        }
      } catch (SQLException | RuntimeException e) {
        c = reset(c);
        c = oneByOne(batch, e);
      }
      batch.clear();
    }
    reset(c);
  }

  private Connection open(Connection c) throws SQLException {
    if (c != null) {
      return c;
    }
    Connection opened = connections.open();
    opened.setAutoCommit(false);
    return opened;
  }

  /**
   * After a shared transaction failed: each unit in a transaction of its own, so a bad row fails
   * its own caller only. A lone unit's failure is already its own.
   */
  private Connection oneByOne(List<Unit> batch, Exception batchFailure) {
    if (batch.size() == 1) {
      batch.get(0).done().completeExceptionally(batchFailure);
      return null;
    }
    Connection c = null;
    for (Unit u : batch) {
      try {
        c = open(c);
        commit(c, List.of(u));
        u.done().complete(null);
      } catch (SQLException | RuntimeException e) {
        u.done().completeExceptionally(e);
        c = reset(c);
      }
    }
    return c;
  }

  /**
   * Inserts the batch with one prepared statement per distinct SQL text (kept for the connection's
   * lifetime) and JDBC batching, then commits once and makes the commit durable.
   */
  private void commit(Connection c, List<Unit> batch) throws SQLException {
    Map<String, PreparedStatement> used = new LinkedHashMap<>();
    for (Row r : batch.stream().flatMap(u -> u.rows().stream()).toList()) {
      PreparedStatement s = statements.get(r.sql());
      if (s == null) {
        s = c.prepareStatement(r.sql());
        statements.put(r.sql(), s);
      }
      for (int i = 0; i < r.values().size(); i++) {
        Object v = r.values().get(i);
        if (v == null) {
          s.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          s.setObject(i + 1, v);
        }
      }
      s.addBatch();
      used.put(r.sql(), s);
    }
    for (PreparedStatement s : used.values()) {
      s.executeBatch();
    }
    c.commit();
    connections.durable(c);
  }

  private Connection reset(Connection c) {
    statements.clear();
    if (c != null) {
      try {
        c.rollback();
        c.close();
      } catch (SQLException ignored) {
        // the next batch opens a new connection
      }
    }
    return null;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
