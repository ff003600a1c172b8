package org.pcdguide.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Audit connections whose first commit is held before it is made durable until {@link #release()}:
 * callers that arrive meanwhile queue for the next commit, so a test can put them in one batch.
 */
final class FirstCommitHeld implements AuditWriter.Connections {
  private final AuditWriter.Connections real;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger commits = new AtomicInteger();

  FirstCommitHeld(AuditWriter.Connections real) {
    this.real = real;
  }

  @Override
  public Connection open() throws SQLException {
    return real.open();
  }

  @Override
  public void durable(Connection c) throws SQLException {
    real.durable(c);
    if (commits.incrementAndGet() == 1) {
      held.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits until the first commit is held. */
  void awaitHeld() throws InterruptedException {
    held.await();
  }

  /** Lets the first commit finish. */
  void release() {
    release.countDown();
  }

  /** How many commits were made durable. */
  int commits() {
    return commits.get();
  }

  /** Waits until each of {@code callers} waits (for a commit) or has ended. */
  static void untilWaiting(List<Thread> callers) {
    for (Thread t : callers) {
      while (t.getState() != Thread.State.WAITING && t.isAlive()) {
        Thread.onSpinWait();
      }
    }
  }
}
