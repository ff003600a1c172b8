package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.testkit.NeedsPostgres;

/**
 * {@code AuditLog.between}, which {@code pcd audit impact} reads a window with: every record of the
 * window once, oldest first, across pages, even when many share one timestamp.
 */
class AuditPagesTest {
  private static String call(AuditLog log, Instant at) {
    return log.record(
        at,
        "caller",
        "pcd-order-sign",
        "{}",
        CdsCall.RECORDED_TYPE,
        Optional.of("2026-11-01"),
        "2026.11.1",
        "sha256:abc",
        "{\"cards\": []}",
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void between_givesEveryRecordOfTheWindowOnce_acrossPagesAndTiedTimestamps(@TempDir Path dir) {
    window(AuditLog.embedded(dir), LocalDate.parse("2026-10-15"));
  }

  @Test
  @NeedsPostgres
  void between_onPostgres_givesEveryRecordOfTheWindowOnce() {
    // a day of its own in a shared database (after 2002, which the prune tests expect alone)
    window(
        AuditLog.open(
            System.getenv("PCD_TEST_POSTGRES_URL"),
            System.getenv("PCD_TEST_POSTGRES_USER"),
            System.getenv("PCD_TEST_POSTGRES_PASSWORD")),
        LocalDate.of(2010, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000)));
  }

  private static void window(AuditLog log, LocalDate date) {
    Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant day = start.plusSeconds(10 * 3600);
    String before = call(log, start.minusSeconds(1));
    List<String> inside = new ArrayList<>();
    // more than two pages, all at one instant: the page boundary falls among equal timestamps
    for (int i = 0; i < 2 * AuditPages.PAGE + 7; i++) {
      inside.add(call(log, day));
    }
    String last = call(log, end.minusSeconds(1));
    String after = call(log, end);

    List<String> read = new ArrayList<>();
    Iterator<AuditLog.Record> window = log.between(start, end);
    window.forEachRemaining(r -> read.add(r.id()));
    log.close();

    assertThat(read).hasSize(inside.size() + 1).doesNotHaveDuplicates();
    assertThat(read.subList(0, inside.size())).containsExactlyInAnyOrderElementsOf(inside);
    assertThat(read.get(read.size() - 1)).isEqualTo(last);
    assertThat(read).doesNotContain(before, after);
  }
}
