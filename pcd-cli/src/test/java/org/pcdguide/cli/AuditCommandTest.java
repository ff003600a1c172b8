package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.server.AuditLog;
import org.pcdguide.server.PcdServer;

/** pcd audit show, export and replay on a log written by the real server. */
class AuditCommandTest {
  /** The real server with the embedded audit log in {@code data}. */
  private static PcdServer server(Path data) {
    return PcdServer.start(
        YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG),
        new PcdServer.Settings(
            "127.0.0.1",
            0,
            1 << 20,
            List.of(),
            Optional.empty(),
            Optional.of(AuditLog.embedded(data))));
  }

  @Test
  void showExportAndReplay(@TempDir Path data) throws Exception {
    String id;
    try (PcdServer server = server(data)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.port() + "/api/assess?format=markdown"))
                      .header("Content-Type", "application/yaml")
                      .POST(
                          HttpRequest.BodyPublishers.ofFile(
                              Path.of("../examples/poems-disseminated.yaml")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      id = r.headers().firstValue("X-PCD-Audit-Id").orElseThrow();
      // the log can be read while the server holds it open (SQLite in WAL mode, ADR 0010)
      PcdTest.Run show = PcdTest.pcd("audit", "show", "--data-dir", data.toString());
      assertThat(show.code()).isZero();
      assertThat(show.out()).contains(id).contains("assess:markdown");
    }
    PcdTest.Run export = PcdTest.pcd("audit", "export", "--data-dir", data.toString());
    assertThat(export.out())
        .contains("\"id\":\"" + id + "\"")
        .contains("\"knowledge-hash\":\"sha256:");
    PcdTest.Run replay = PcdTest.pcd("audit", "replay", id, "--data-dir", data.toString());
    assertThat(replay.code()).isZero();
    assertThat(replay.out()).startsWith("same output for " + id);
    assertThat(
            PcdTest.pcd(
                    "audit",
                    "replay",
                    "00000000-0000-0000-0000-000000000000",
                    "--data-dir",
                    data.toString())
                .code())
        .isEqualTo(2);
  }

  @Test
  void cdsHooksCall_replaysTheSame_andDiffersWithAChangedPack(@TempDir Path data, @TempDir Path k)
      throws Exception {
    String id;
    String headline;
    try (PcdServer server = server(data)) {
      String bundle =
          java.nio.file.Files.readString(Path.of("../examples/poems-disseminated.fhir.json"));
      String request =
          "{\"hook\":\"patient-view\",\"hookInstance\":\"2f3a1b4c-0000-4000-8000-000000000001\","
              + "\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"example\"},"
              + "\"prefetch\":{\"everything\":"
              + bundle
              + "}}";
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + "/cds-services/pcd-patient-view"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(request))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      id = r.headers().firstValue("X-PCD-Audit-Id").orElseThrow();
      var cards = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
      headline = cards.at("/cards/0/source/topic/code").asText();
      // card uuids are time-ordered (issue 16): version 7, carrying the millisecond of the call,
      // which is the audit record's time (its id starts with the same 48 bits)
      assertThat(cards.path("cards").size()).isGreaterThan(1);
      for (var card : cards.path("cards")) {
        java.util.UUID uuid = java.util.UUID.fromString(card.path("uuid").asText());
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.toString().substring(0, 13)).isEqualTo(id.substring(0, 13));
      }
    }
    PcdTest.Run same = PcdTest.pcd("audit", "replay", id, "--data-dir", data.toString());
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out()).startsWith("same output for " + id);

    // the same call against a pack whose headline statement was reworded
    try (var files = java.nio.file.Files.walk(Path.of("../knowledge"))) {
      for (Path p : files.toList()) {
        Path to = k.resolve(Path.of("../knowledge").relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(to);
        } else {
          java.nio.file.Files.copy(p, to);
        }
      }
    }
    Path poems = k.resolve("poems.yaml");
    String yaml = java.nio.file.Files.readString(poems);
    int entry = yaml.indexOf("- id: " + headline + "\n");
    int statement = yaml.indexOf("    statement: >-\n", entry) + "    statement: >-\n".length();
    assertThat(entry).isPositive();
    java.nio.file.Files.writeString(
        poems, yaml.substring(0, statement) + "      Reworded.\n" + yaml.substring(statement));
    PcdTest.Run differs =
        PcdTest.pcd(
            "audit", "replay", id, "--data-dir", data.toString(), "--knowledge", k.toString());
    assertThat(differs.code()).as(differs.err()).isEqualTo(3);
    assertThat(differs.out()).startsWith("DIFFERENT output for " + id);
  }

  /** Runs {@code pcd} on {@code clock}. */
  private static PcdTest.Run pcdAt(java.time.Clock clock, String... args) {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int code =
        Pcd.run(
            args,
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
            clock);
    return new PcdTest.Run(
        code,
        out.toString(java.nio.charset.StandardCharsets.UTF_8),
        err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void restCallAt2359InUtcMinus5_replaysTheSame_onAMachineWhereItIsAlreadyTheNextDayInUtc(
      @TempDir Path data, @TempDir Path files) throws Exception {
    java.time.Clock lateEvening =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-11-01T04:59:00Z"), java.time.ZoneOffset.ofHours(-5));
    Path undated = files.resolve("undated.yaml");
    java.nio.file.Files.writeString(
        undated,
        java.nio.file.Files.readString(Path.of("../examples/poems-disseminated.yaml"))
            .replace("as-of: 2026-11-01\n", ""));
    // the command line's "today" is its clock's date in its zone, as the server's is
    assertThat(pcdAt(lateEvening, "assess", undated.toString()).out())
        .contains("As of 2026-10-31.");

    String id;
    try (PcdServer server =
        PcdServer.start(
            YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG),
            new PcdServer.Settings(
                "127.0.0.1",
                0,
                1 << 20,
                List.of(),
                Optional.empty(),
                Optional.of(AuditLog.embedded(data)),
                PcdServer.Settings.DEFAULT_REPORT_TTL,
                Optional.empty(),
                lateEvening))) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/api/assess"))
                      .header("Content-Type", "application/yaml")
                      .POST(HttpRequest.BodyPublishers.ofFile(undated))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).contains("\"as-of\" : \"2026-10-31\"");
      id = r.headers().firstValue("X-PCD-Audit-Id").orElseThrow();
    }
    PcdTest.Run export =
        pcdAt(java.time.Clock.systemUTC(), "audit", "export", "--data-dir", data.toString());
    assertThat(export.out()).contains("\"as-of\":\"2026-10-31\",\"as-of-zone\":\"-05:00\"");
    java.time.Clock nextDayInUtc =
        java.time.Clock.fixed(
            java.time.Instant.parse("2026-11-01T12:00:00Z"), java.time.ZoneOffset.UTC);
    PcdTest.Run replay = pcdAt(nextDayInUtc, "audit", "replay", id, "--data-dir", data.toString());
    assertThat(replay.code()).as(replay.err()).isZero();
    assertThat(replay.out()).startsWith("same output for " + id);
  }
}
