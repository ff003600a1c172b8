package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log's group commit, on the embedded SQLite store: callers that arrive while a commit is
 * under way share the next one, and none may lose a row, write one twice, return before its row is
 * durable, or wait for ever.
 */
class AuditWriterTest {
  @TempDir Path data;

  private AuditConnections store() {
    AuditLog.embedded(data).close(); // created and migrated
    return new AuditConnections(EmbeddedStore.sqliteUrl(data), "", "");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void manyConcurrentCallers_everyRowIsWrittenOnce_andEachReturnsAfterItsOwnCommit()
      throws Exception {
    AuditConnections store = store();
    AtomicInteger commits = new AtomicInteger();
    AuditWriter writer = new AuditWriter(counting(store, commits));
    Set<String> returned = ConcurrentHashMap.newKeySet();
    Set<String> missingWhenReturned = ConcurrentHashMap.newKeySet();
    int threads = 16;
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    String id = AuditRows.timeOrderedId(Instant.now());
                    writer.write(AuditRows.INSERT, row(id));
                    // durable before the caller goes on: a new connection sees it at once
                    if (!present(store, id)) {
                      missingWhenReturned.add(id);
                    }
                    returned.add(id);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      writer.close();
    }
    assertThat(missingWhenReturned).isEmpty();
    assertThat(returned).hasSize(threads * each);
    assertThat(count(store)).isEqualTo(threads * each);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void callersArrivingDuringACommit_shareTheNextOne() throws Exception {
    AuditConnections store = store();
    FirstCommitHeld held = new FirstCommitHeld(store);
    AuditWriter writer = new AuditWriter(held);
    List<Thread> callers = new ArrayList<>();
    try {
      for (int i = 0; i < 9; i++) {
        String id = AuditRows.timeOrderedId(Instant.now());
        Thread t = new Thread(() -> writer.write(AuditRows.INSERT, row(id)));
        callers.add(t);
        t.start();
        if (i == 0) {
          held.awaitHeld();
        }
      }
      FirstCommitHeld.untilWaiting(callers.subList(1, callers.size()));
      held.release();
      for (Thread t : callers) {
        t.join();
      }
    } finally {
      held.release();
      writer.close();
    }
    assertThat(count(store)).isEqualTo(9);
    assertThat(held.commits()).isEqualTo(2);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLoneCaller_commitsItsRowAtOnce_andAfterCloseAWriteIsRefused() throws Exception {
    AuditConnections store = store();
    AtomicInteger commits = new AtomicInteger();
    AuditWriter writer = new AuditWriter(counting(store, commits));
    String id = AuditRows.timeOrderedId(Instant.now());
    writer.write(AuditRows.INSERT, row(id));
    assertThat(present(store, id)).isTrue();
    assertThat(commits.get()).isEqualTo(1);
    writer.close();
    assertThatThrownBy(
            () -> writer.write(AuditRows.INSERT, row(AuditRows.timeOrderedId(Instant.now()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(count(store)).isEqualTo(1);
  }

  private static AuditWriter.Connections counting(AuditConnections store, AtomicInteger commits) {
    return new AuditWriter.Connections() {
      @Override
      public Connection open() throws SQLException {
        return store.open();
      }

      @Override
      public void durable(Connection c) throws SQLException {
        commits.incrementAndGet();
        store.durable(c);
      }
    };
  }

  private static boolean present(AuditConnections store, String id) throws SQLException {
    try (Connection c = store.open();
        var s = c.prepareStatement("SELECT 1 FROM audit_record WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int count(AuditConnections store) throws SQLException {
    try (Connection c = store.open();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM audit_record")) {
      rs.next();
      assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
      return rs.getInt(1);
    }
  }

  private static List<Object> row(String id) {
    return row(id, "2026-11-01");
  }

  /** An audit record row (an assessment's) with this id and as-of date. */
  static List<Object> row(String id, String asOf) {
    Instant at = Instant.parse("2026-11-01T10:00:00Z");
    return Arrays.asList(
        id,
        Timestamp.from(at),
        "anonymous (REST)",
        "assess:json",
        "sha256:x",
        "{}",
        "application/json",
        asOf,
        null,
        "2026.11.1",
        "sha256:abc",
        "sha256:y",
        null,
        null);
  }
}
