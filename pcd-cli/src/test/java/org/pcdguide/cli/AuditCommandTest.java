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
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.server.AuditLog;
import org.pcdguide.server.PcdServer;

/** pcd audit show, export and replay on a log written by the real server. */
class AuditCommandTest {
  @Test
  void showExportAndReplay(@TempDir Path data) throws Exception {
    String id;
    try (PcdServer server =
        PcdServer.start(
            YamlKnowledgePackSource.bundled().load(),
            new PcdServer.Settings(
                "127.0.0.1",
                0,
                1 << 20,
                List.of(),
                Optional.empty(),
                Optional.of(AuditLog.embedded(data))))) {
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
    }
    PcdTest.Run show = PcdTest.pcd("audit", "show", "--data-dir", data.toString());
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains(id).contains("assess:markdown");
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
}
