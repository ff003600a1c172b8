package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.testkit.NeedsPostgres;

/**
 * The audit log on a real PostgreSQL server (started by .ci/run; the JDBC URL, user and password
 * come from PCD_TEST_POSTGRES_URL, _USER and _PASSWORD).
 */
@NeedsPostgres
class PostgresAuditLogTest {
  @Test
  void recordAndReadBack_onPostgres() {
    String url = System.getenv("PCD_TEST_POSTGRES_URL");
    AuditLog log =
        AuditLog.open(
            url,
            System.getenv("PCD_TEST_POSTGRES_USER"),
            System.getenv("PCD_TEST_POSTGRES_PASSWORD"));
    String id =
        log.record(
            Instant.parse("2026-11-01T10:00:00Z"),
            "iss sub",
            "assess:json",
            "{\"pcd-case\": 1}",
            "application/json",
            Optional.of("2026-11-01"),
            "2026.11.1",
            "sha256:abc",
            "{}",
            Optional.empty(),
            Optional.empty());
    AuditLog.Record r = log.get(id).orElseThrow();
    assertThat(r.inputHash()).isEqualTo(AuditLog.sha256("{\"pcd-case\": 1}"));
    assertThat(r.asOf()).contains("2026-11-01");
    log.feedback(Instant.now(), "pcd-order-sign", "card-" + id, "overridden", "[]", "iss sub");
    assertThat(log.feedbackFor("card-" + id)).containsExactly("overridden");

    // a CDS Hooks call's report token finds its record while the link is valid (migration V2)
    String token = AuditLog.newReportToken();
    Instant at = Instant.parse("2026-11-01T11:00:00Z");
    String call =
        log.record(
            at,
            "iss sub",
            "pcd-patient-view",
            "{\"service\": \"pcd-patient-view\"}",
            CdsCall.RECORDED_TYPE,
            Optional.of("2026-11-01"),
            "2026.11.1",
            "sha256:abc",
            "{\"cards\": []}",
            Optional.of("{\"cards\": []}"),
            Optional.of(token));
    java.time.Duration day = java.time.Duration.ofHours(24);
    assertThat(log.report(token, day, at.plusSeconds(60))).map(AuditLog.Record::id).hasValue(call);
    assertThat(log.report(token, day, at.plusSeconds(25 * 3600))).isEmpty();

    // the date a call used, and the zone that made it today (migration V3)
    String today =
        log.record(
            at,
            "iss sub",
            "assess:text",
            "id: x",
            "application/yaml",
            org.pcdguide.app.AsOf.today(
                java.time.Clock.fixed(
                    Instant.parse("2026-11-01T04:59:00Z"), java.time.ZoneOffset.ofHours(-5))),
            "2026.11.1",
            "sha256:abc",
            "report",
            Optional.empty(),
            Optional.empty());
    assertThat(log.get(today).orElseThrow().asOf()).hasValue("2026-10-31");
    assertThat(log.get(today).orElseThrow().asOfZone()).hasValue("-05:00");
    assertThat(log.get(today + "'")).isEmpty();
  }
}
