package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;
import org.pcdguide.server.fixture.StartedServer;

/** A recorded call replays as of the date it was assessed as of, whatever the replaying clock. */
class AuditReplayTest {
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);

  /** 23:59 on 31 October in UTC-5: already 1 November in UTC. */
  static final Clock LATE_EVENING_UTC_MINUS_5 =
      Clock.fixed(Instant.parse("2026-11-01T04:59:00Z"), ZoneOffset.ofHours(-5));

  /** The example case without its own as-of date: assessed as of "today". */
  static String undatedExample() throws Exception {
    String yaml = Files.readString(Path.of("../examples/poems-disseminated.yaml"));
    assertThat(yaml).contains("as-of: 2026-11-01\n");
    return yaml.replace("as-of: 2026-11-01\n", "");
  }

  @Test
  void restCallAt2359InUtcMinus5_isRecordedAsOfThatDay_andReplaysTheSameInUtc(@TempDir Path dir)
      throws Exception {
    AuditLog log = AuditLog.embedded(dir);
    String id;
    String body;
    try (StartedServer server =
        StartedServer.builder().audit(log).clock(LATE_EVENING_UTC_MINUS_5).start()) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.port() + "/api/assess?format=text"))
                      .header("Content-Type", "application/yaml")
                      .POST(HttpRequest.BodyPublishers.ofString(undatedExample()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      id = r.headers().firstValue("X-PCD-Audit-Id").orElseThrow();
      body = r.body();
    }
    assertThat(body).contains("As of 2026-10-31.");
    AuditLog.Record record = log.get(id).orElseThrow();
    assertThat(record.asOf()).hasValue("2026-10-31");
    assertThat(record.asOfZone()).hasValue("-05:00");
    // what replay used to assume: the recording instant's date in UTC, a day later
    assertThat(record.recordedAt().atOffset(ZoneOffset.UTC).toLocalDate())
        .hasToString("2026-11-01");

    TimeZone zone = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      String replayed = AuditReplay.output(PACK, Terminology.bundled(), record).orElseThrow();
      assertThat(AuditLog.sha256(replayed)).isEqualTo(record.outputHash());
      assertThat(replayed).isEqualTo(body);
    } finally {
      TimeZone.setDefault(zone);
      log.close();
    }
  }

  @Test
  void cdsHooksCall_isRecordedAsOfTodayInTheServersZone(@TempDir Path dir) throws Exception {
    AuditLog log = AuditLog.embedded(dir);
    try (StartedServer server =
        StartedServer.builder().audit(log).clock(LATE_EVENING_UTC_MINUS_5).start()) {
      HttpResponse<String> r = ReportLinksTest.patientView(server.port());
      AuditLog.Record record =
          log.get(r.headers().firstValue("X-PCD-Audit-Id").orElseThrow()).orElseThrow();
      assertThat(record.asOf()).hasValue("2026-10-31");
      assertThat(record.asOfZone()).hasValue("-05:00");
      assertThat(CdsCall.recorded(record.input()).asOf()).hasToString("2026-10-31");
      // kept as the request was received (issue 16), and replayed from it
      assertThat(record.inputType()).isEqualTo(RecordedCall.TYPE);
      assertThat(AuditReplay.output(PACK, Terminology.bundled(), record))
          .hasValueSatisfying(o -> assertThat(AuditLog.sha256(o)).isEqualTo(record.outputHash()));
    } finally {
      log.close();
    }
  }
}
