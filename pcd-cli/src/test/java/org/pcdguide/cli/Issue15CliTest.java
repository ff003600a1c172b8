package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.server.AuditLog;
import org.pcdguide.server.CdsCall;
import org.pcdguide.testkit.NeedsPostgres;

/**
 * Issue 15, defects 12 and 13 at the command line: dangerous configurations are refused (not warned
 * about), and {@code pcd audit} reads every store, exports feedback and prunes.
 */
class Issue15CliTest {
  /** Runs {@code pcd} with these environment variables. */
  private static PcdTest.Run pcd(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Pcd.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemDefaultZone(),
            env);
    return new PcdTest.Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Before issue 15 each of these started a server (and this test would never end). */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void serve_dangerousConfigurations_areRefusedWithExitCode2(@TempDir Path data) {
    String dir = data.toString();
    PcdTest.Run exposed =
        PcdTest.pcd(
            "serve", "--insecure-no-auth", "--host", "0.0.0.0", "--port", "0", "--data-dir", dir);
    assertThat(exposed.code()).isEqualTo(2);
    assertThat(exposed.err()).contains("--insecure-no-auth is refused with --host 0.0.0.0");

    PcdTest.Run password =
        PcdTest.pcd("serve", "--audit-password", "secret", "--port", "0", "--data-dir", dir);
    assertThat(password.code()).isEqualTo(2);
    assertThat(password.err())
        .contains("--audit-password is refused")
        .contains("PCD_AUDIT_PASSWORD");
    assertThat(password.err()).doesNotContain("secret");

    PcdTest.Run inUrl =
        PcdTest.pcd(
            "serve",
            "--audit-jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/x?password=secret",
            "--port",
            "0");
    assertThat(inUrl.code()).isEqualTo(2);
    assertThat(inUrl.err()).contains("the URL carries a password").doesNotContain("secret");

    PcdTest.Run forever =
        PcdTest.pcd("serve", "--max-token-lifetime", "0", "--port", "0", "--data-dir", dir);
    assertThat(forever.code()).isEqualTo(2);
    assertThat(forever.err()).contains("--max-token-lifetime");

    PcdTest.Run anyOrigin =
        PcdTest.pcd("serve", "--cors-origin", "*", "--port", "0", "--data-dir", dir);
    assertThat(anyOrigin.code()).isEqualTo(2);
    assertThat(anyOrigin.err())
        .contains("--cors-origin '*' is refused")
        .contains("only with --insecure-no-auth");

    PcdTest.Run notAnOrigin =
        PcdTest.pcd(
            "serve",
            "--cors-origin",
            "https://ehr.example.org/app",
            "--port",
            "0",
            "--data-dir",
            dir);
    assertThat(notAnOrigin.code()).isEqualTo(2);
    assertThat(notAnOrigin.err()).contains("'https://ehr.example.org/app' is not an origin");
  }

  private static String issuedCall(AuditLog log, Instant at, String card) {
    String cards = "{\"cards\": [{\"uuid\": \"" + card + "\"}]}";
    return log.record(
        at,
        "https://ehr.example.org client-1",
        "pcd-order-sign",
        "{}",
        CdsCall.RECORDED_TYPE,
        Optional.of("2001-06-01"),
        "2026.11.1",
        "sha256:abc",
        cards,
        Optional.of(cards),
        Optional.empty());
  }

  @Test
  void auditShow_escapesControlCharactersOfACaller_soOneRecordIsOneLine(@TempDir Path data) {
    AuditLog log = AuditLog.embedded(data);
    String forged = "2026-11-01T10:00:00Z  pcd-order-sign  https://ehr.example.org trusted-user";
    log.record(
        Instant.parse("2026-11-01T10:00:00Z"),
        "https://ehr.example.org evil\u001b]0;owned\u0007\r\n" + forged,
        "pcd-order-sign",
        "{}",
        CdsCall.RECORDED_TYPE,
        Optional.of("2026-11-01"),
        "2026.11.1",
        "sha256:abc",
        "{\"cards\": []}",
        Optional.empty(),
        Optional.empty());
    log.close();

    PcdTest.Run show = PcdTest.pcd("audit", "show", "--data-dir", data.toString());
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out().lines()).hasSize(1);
    assertThat(show.out().strip())
        .doesNotContain("\u001b", "\u0007", "\r")
        .contains("evil\\u001b]0;owned\\u0007\\u000d\\u000a" + forged);
  }

  @Test
  void audit_exportIncludesFeedback_andPruneRemovesWhatIsOlderAndSaysHowMuch(@TempDir Path data) {
    Instant old = Instant.parse("2001-06-01T10:00:00Z");
    String card = UUID.randomUUID().toString();
    AuditLog log = AuditLog.embedded(data);
    String oldCall = issuedCall(log, old, card);
    log.feedback(old, "pcd-order-sign", card, "overridden", "{\"code\": \"other\"}", "iss sub");
    String newCall = issuedCall(log, Instant.parse("2026-11-01T10:00:00Z"), "kept-card");
    log.close();

    PcdTest.Run export = PcdTest.pcd("audit", "export", "--data-dir", data.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out())
        .contains("\"type\":\"call\",\"id\":\"" + oldCall + "\"")
        .contains("\"type\":\"feedback\"")
        .contains("\"card\":\"" + card + "\"")
        .contains("\"outcome\":\"overridden\"");

    PcdTest.Run prune =
        PcdTest.pcd("audit", "prune", "--before", "2002-01-01", "--data-dir", data.toString());
    assertThat(prune.code()).as(prune.err()).isZero();
    assertThat(prune.out()).startsWith("pruned 1 record(s), 1 feedback, 1 issued card(s)");
    PcdTest.Run after = PcdTest.pcd("audit", "export", "--data-dir", data.toString());
    assertThat(after.out()).contains(newCall).doesNotContain(oldCall).doesNotContain(card);

    assertThat(
            PcdTest.pcd("audit", "prune", "--before", "2001-13-01", "--data-dir", data.toString())
                .code())
        .isEqualTo(2);
  }

  @Test
  @NeedsPostgres
  void audit_readsPostgres_withThePasswordFromTheEnvironmentOrAFile(@TempDir Path dir)
      throws Exception {
    String url = System.getenv("PCD_TEST_POSTGRES_URL");
    String user = System.getenv("PCD_TEST_POSTGRES_USER");
    String password = System.getenv("PCD_TEST_POSTGRES_PASSWORD");
    String card = UUID.randomUUID().toString();
    AuditLog log = AuditLog.open(url, user, password);
    String id = issuedCall(log, Instant.now(), card);
    log.feedback(Instant.now(), "pcd-order-sign", card, "accepted", "null", "iss sub");
    log.close();

    Map<String, String> env = Map.of("PCD_AUDIT_PASSWORD", password);
    PcdTest.Run show =
        pcd(env, "audit", "show", "--limit", "50", "--audit-jdbc-url", url, "--audit-user", user);
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out()).contains(id);

    Path file = dir.resolve("password");
    Files.writeString(file, password + "\n");
    PcdTest.Run export =
        pcd(
            Map.of(),
            "audit",
            "export",
            "--audit-jdbc-url",
            url,
            "--audit-user",
            user,
            "--audit-password-file",
            file.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out())
        .contains("\"id\":\"" + id + "\"")
        .contains("\"card\":\"" + card + "\"");
  }
}
