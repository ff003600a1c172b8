package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    AuditLog log = AuditLog.embedded(dir);
    Instant day = Instant.parse("2026-10-15T10:00:00Z");
    String before = call(log, Instant.parse("2026-10-14T23:59:59Z"));
    List<String> inside = new ArrayList<>();
    // more than two pages, all at one instant: the page boundary falls among equal timestamps
    for (int i = 0; i < 2 * AuditPages.PAGE + 7; i++) {
      inside.add(call(log, day));
    }
    String last = call(log, Instant.parse("2026-10-15T23:59:59Z"));
    String after = call(log, Instant.parse("2026-10-16T00:00:00Z"));

    List<String> read = new ArrayList<>();
    Iterator<AuditLog.Record> window =
        log.between(Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-10-16T00:00:00Z"));
    window.forEachRemaining(r -> read.add(r.id()));
    log.close();

    assertThat(read).hasSize(inside.size() + 1).doesNotHaveDuplicates();
    assertThat(read.subList(0, inside.size())).containsExactlyInAnyOrderElementsOf(inside);
    assertThat(read.get(read.size() - 1)).isEqualTo(last);
    assertThat(read).doesNotContain(before, after);
  }
}
