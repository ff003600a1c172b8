package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.server.fixture.StartedServer;

/**
 * Issue 15, defect 9: every error is a problem body, Jetty's own included (bad URI, 414, 431, bad
 * Content-Length), a wrong method on a known path is a 405 naming the allowed ones, HEAD answers
 * like GET without a body, and every 5xx is logged with the correlation id its body carries; a full
 * audit store is a 503. Each request is sent by hand over a socket.
 */
class Issue15ErrorBodiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CASE = "pcd-case: 1\npatient: {age: 60, sex: female}\n";
  private static StartedServer server;

  @BeforeAll
  static void start() {
    server = StartedServer.builder().maxRequestBytes(64 * 1024).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawHttp.Answer send(String head) throws Exception {
    return RawHttp.send(server.port(), head);
  }

  private static JsonNode problem(RawHttp.Answer a, int status) throws Exception {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode p = JSON.readTree(a.body());
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(a.body()).doesNotContain("org.eclipse", "jetty", "Exception", "<html");
    return p;
  }

  private static String post(String path, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: "
        + body.length()
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  @Test
  void badUri_is400Problem() throws Exception {
    problem(send("GET /api/knowledge/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400);
    problem(send("GET /a b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 400);
  }

  @Test
  void uriTooLong_is414Problem() throws Exception {
    String path = "/api/knowledge/" + "a".repeat(20_000);
    JsonNode p = problem(send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
    assertThat(p.get("detail").asText()).contains("URI");
  }

  @Test
  void headersTooLarge_is431Problem() throws Exception {
    String big = "X-Big: " + "a".repeat(20_000) + "\r\n";
    problem(send("GET /health HTTP/1.1\r\nHost: x\r\n" + big + "\r\n"), 431);
  }

  @Test
  void badContentLength_is400Problem() throws Exception {
    for (String length : List.of("abc", "-5", "1e3", "10\r\nContent-Length: 20")) {
      problem(
          send(
              "POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                  + "Content-Length: "
                  + length
                  + "\r\n\r\n0123456789"),
          400);
    }
  }

  @Test
  void wrongMethodOnKnownPath_is405WithAllow() throws Exception {
    RawHttp.Answer a = send("DELETE /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    problem(a, 405);
    assertThat(a.header("Allow")).contains("GET").doesNotContain("POST");
    RawHttp.Answer b = send("GET /api/assess HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(problem(b, 405).get("detail").asText()).contains("POST");
    assertThat(b.header("Allow")).isEqualTo("POST");
    RawHttp.Answer c =
        send(
            "PUT /cds-services/pcd-patient-view HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
    problem(c, 405);
    // the CDS Hooks endpoints also answer CORS preflights (OPTIONS)
    assertThat(c.header("Allow")).isEqualTo("POST, OPTIONS");
    // an unknown path stays a 404
    problem(send("DELETE /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 404);
  }

  @Test
  void head_answersLikeGetWithoutABody() throws Exception {
    RawHttp.Answer a = send("HEAD /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.header("Content-Type")).startsWith("application/json");
    RawHttp.Answer b = send("HEAD /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(b.status()).isEqualTo(404);
    assertThat(b.header("Content-Type")).isEqualTo("application/problem+json");
  }

  /** The server's log records (logger org.pcdguide.server) while {@code run} runs. */
  private static List<String> logged(ThrowingRunnable run) throws Exception {
    List<String> lines = new ArrayList<>();
    Handler h =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            lines.add(r.getMessage() + " " + r.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("org.pcdguide.server");
    logger.addHandler(h);
    try {
      run.run();
    } finally {
      logger.removeHandler(h);
    }
    return lines;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void internalError_is500WithACorrelationIdThatTheLogHolds(@TempDir Path data) throws Exception {
    AuditLog log = AuditLog.embedded(data);
    try (StartedServer broken =
        StartedServer.builder().maxRequestBytes(64 * 1024).audit(log).start()) {
      log.close(); // every record now fails: an internal error, not the client's
      List<RawHttp.Answer> answers = new ArrayList<>();
      List<String> lines =
          logged(() -> answers.add(RawHttp.send(broken.port(), post("/api/assess", CASE))));
      JsonNode p = problem(answers.get(0), 500);
      String id = p.get("correlationId").asText();
      assertThat(id).matches("[0-9a-f-]{36}");
      assertThat(p.get("detail").asText()).contains(id).doesNotContain("audit log is closed");
      assertThat(lines).anySatisfy(l -> assertThat(l).contains(id, "/api/assess"));
    }
  }

  @Test
  void fullAuditStore_is503WithALogLine(@TempDir Path data) throws Exception {
    AuditLog.embedded(data).close();
    Path db = data.resolve("audit.db");
    long pages;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet r = c.createStatement().executeQuery("PRAGMA page_count")) {
      r.next();
      pages = r.getLong(1);
    }
    assertThat(Files.exists(db)).isTrue();
    // SQLite answers SQLITE_FULL once the database would grow past max_page_count, as on a full
    // disk
    AuditLog full = AuditLog.open("jdbc:sqlite:" + db + "?max_page_count=" + pages, "", "");
    try (StartedServer server =
        StartedServer.builder().maxRequestBytes(256 * 1024).audit(full).start()) {
      List<RawHttp.Answer> answers = new ArrayList<>();
      List<String> lines =
          logged(
              () ->
                  answers.add(
                      RawHttp.send(
                          server.port(),
                          post("/api/assess", CASE + "# " + "x".repeat(60_000) + "\n"))));
      JsonNode p = problem(answers.get(0), 503);
      assertThat(p.get("detail").asText()).contains("storage is full");
      assertThat(answers.get(0).header("Retry-After")).isNotEmpty();
      String id = p.get("correlationId").asText();
      assertThat(lines).anySatisfy(l -> assertThat(l).contains(id, "STORE_FULL"));
    } finally {
      full.close();
    }
  }

  @Test
  void fhirParserMessages_arePlainWords_noLibraryInternals() throws Exception {
    for (String body :
        List.of(
            "[1, 2]",
            "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": [1]}]}",
            "{\"resourceType\": 5}",
            "{\"resourceType\": \"Bundle\", \"entry\": ")) {
      RawHttp.Answer a =
          send(
              "POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/fhir+json\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + body);
      assertThat(a.status()).as(body).isBetween(400, 422);
      assertThat(a.body())
          .as(body)
          .doesNotContain("HAPI-", "jackson", "JsonNode", "Exception", "java.", "[Source:");
    }
  }
}
