package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pcdguide.server.fixture.StartedServer;

/**
 * Issue 15 (defects 3, 7 and 13), the same hostile inputs on every audit store: run on the embedded
 * SQLite store ({@link Issue15SqliteStoreTest}) and on PostgreSQL ({@link
 * Issue15PostgresStoreTest}), which refused what SQLite kept.
 */
abstract class Issue15StoreTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String ISSUER = "https://ehr.example.org";

  /** A new audit log on this test's store (the same store each time: a restart). */
  abstract AuditLog open();

  /** A new connection source to this test's store, bypassing every check of the server. */
  abstract AuditWriter.Connections connections();

  /** Behind a proxy: the audience is the same whatever port a (restarted) server listens on. */
  private static final String PUBLIC_URL = "https://cds.example.org";

  private static HttpResponse<String> post(String url, String type, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void asOfWithoutAFourDigitYear_is400NamingAsOf_andLegitimateCallsAreRecorded() throws Exception {
    AuditLog log = open();
    try (StartedServer server = StartedServer.builder().audit(log).publicUrl(PUBLIC_URL).start()) {
      String example = Files.readString(Path.of("../examples/poems-disseminated.yaml"));
      String base = "http://127.0.0.1:" + server.port() + "/api/assess?as-of=";
      for (String hostile :
          List.of("%2B12345-01-01", "-0001-01-01", "12345-01-01", "2026-02-30", "2026-1-01")) {
        HttpResponse<String> r = post(base + hostile, "application/yaml", example, null);
        assertThat(r.statusCode()).as(hostile + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("as-of").doesNotContain("Exception");
      }
      HttpResponse<String> ok = post(base + "2026-11-01", "application/yaml", example, null);
      assertThat(ok.statusCode()).isEqualTo(200);
      String id = ok.headers().firstValue("X-PCD-Audit-Id").orElseThrow();
      assertThat(log.get(id).orElseThrow().asOf()).hasValue("2026-11-01");
    } finally {
      log.close();
    }
  }

  /**
   * The group commit: 19 callers' rows share one transaction; one row does not fit its column
   * ({@code as_of} of {@code +12345-01-01}, which only the edge check kept out before). Only that
   * caller fails; before issue 15 all 19 did on PostgreSQL, and SQLite stored the bad row.
   */
  @Test
  void aBadRowInAGroupCommit_failsOnlyItsOwnCaller() throws Exception {
    open().close(); // migrated
    FirstCommitHeld held = new FirstCommitHeld(connections());
    AuditWriter writer = new AuditWriter(held);
    try {
      List<Thread> callers = new ArrayList<>();
      List<CompletableFuture<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String asOf = i == 7 ? "+12345-01-01" : "2026-11-01";
        CompletableFuture<String> outcome = new CompletableFuture<>();
        outcomes.add(outcome);
        Thread t =
            new Thread(
                () -> {
                  try {
                    writer.write(AuditRows.INSERT, row(asOf));
                    outcome.complete("written");
                  } catch (IllegalStateException e) {
                    outcome.complete("failed");
                  }
                });
        callers.add(t);
        t.start();
        if (i == 0) {
          held.awaitHeld(); // every other caller queues meanwhile: one batch
        }
      }
      FirstCommitHeld.untilWaiting(callers.subList(1, callers.size()));
      held.release();
      List<String> results = outcomes.stream().map(CompletableFuture::join).toList();
      assertThat(results.get(7)).isEqualTo("failed");
      assertThat(results.stream().filter("written"::equals)).hasSize(19);
    } finally {
      held.release();
      writer.close();
    }
  }

  private static List<Object> row(String asOf) {
    return AuditWriterTest.row(
        AuditRows.timeOrderedId(Instant.parse("2026-11-01T10:00:00Z")), asOf);
  }

  @Test
  void feedback_unissuedOrOverlongCard_isRefused_andOneBodyIsOneTransaction() throws Exception {
    AuditLog log = open();
    try (StartedServer server = StartedServer.builder().audit(log).publicUrl(PUBLIC_URL).start()) {
      String url = "http://127.0.0.1:" + server.port() + "/cds-services/pcd-order-sign/feedback";
      String card = UUID.randomUUID().toString();
      CdsFeedbackTest.issued(log, "pcd-order-sign", card);
      String never = UUID.randomUUID().toString();
      HttpResponse<String> mixed =
          post(
              url,
              "application/json",
              "{\"feedback\": [{\"card\": \""
                  + card
                  + "\", \"outcome\": \"accepted\"}, {\"card\": \""
                  + never
                  + "\", \"outcome\": \"accepted\"}]}",
              null);
      assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(422);
      assertThat(mixed.body()).contains(never).doesNotContain(card);
      assertThat(log.feedbackFor(card)).as("nothing of a refused body is kept").isEmpty();

      HttpResponse<String> otherService =
          post(
              url.replace("pcd-order-sign", "pcd-patient-view"),
              "application/json",
              "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"accepted\"}]}",
              null);
      assertThat(otherService.statusCode()).isEqualTo(422);

      String overlong = "c".repeat(65);
      HttpResponse<String> tooLong =
          post(
              url,
              "application/json",
              "{\"feedback\": [{\"card\": \"" + overlong + "\", \"outcome\": \"accepted\"}]}",
              null);
      assertThat(tooLong.statusCode()).isEqualTo(422);
      assertThat(tooLong.body()).contains("feedback[0]").doesNotContain("Exception");

      HttpResponse<String> ok =
          post(
              url,
              "application/json",
              "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"overridden\"}]}",
              null);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(log.feedbackFor(card)).containsExactly("overridden");
    } finally {
      log.close();
    }
  }

  @Test
  void replayedToken_isRefusedAfterARestart_andLongLivedTokensAreRefused() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
    List<TrustedIssuer> issuers = List.of(TrustedIssuer.of(ISSUER, new JWKSet(key.toPublicJWK())));
    String request =
        "{\"hook\": \"patient-view\", \"hookInstance\": \""
            + UUID.randomUUID()
            + "\", \"context\": {\"userId\": \"Practitioner/x\", \"patientId\": \"p\"},"
            + " \"prefetch\": {\"patient\": {\"resourceType\": \"Patient\", \"id\": \"p\"}}}";
    String token = null;
    for (int run = 0; run < 2; run++) {
      AuditLog log = open(); // the second run: a restarted server, or another on the same store
      JwtAuthenticator auth =
          new JwtAuthenticator(
              issuers, Clock.systemUTC(), JwtAuthenticator.DEFAULT_MAX_LIFETIME, log.seenTokens());
      try (StartedServer server =
          StartedServer.builder().audit(log).auth(auth).publicUrl(PUBLIC_URL).start()) {
        String url = "http://127.0.0.1:" + server.port() + "/cds-services/pcd-patient-view";
        String audience = PUBLIC_URL + "/cds-services/pcd-patient-view";
        if (token == null) {
          token = sign(key, audience, Instant.now(), Duration.ofMinutes(5));
          assertThat(post(url, "application/json", request, token).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> replay = post(url, "application/json", request, token);
        assertThat(replay.statusCode()).as("run " + run).isEqualTo(401);
        assertThat(replay.body()).contains("replay");

        Instant now = Instant.now();
        HttpResponse<String> forever =
            post(
                url,
                "application/json",
                request,
                sign(key, audience, now, Duration.ofDays(5000L * 365)));
        assertThat(forever.statusCode()).isEqualTo(401);
        assertThat(forever.body()).contains("exp - iat");
        HttpResponse<String> old =
            post(
                url,
                "application/json",
                request,
                sign(key, audience, now.minus(Duration.ofMinutes(10)), Duration.ofMinutes(5)));
        assertThat(old.statusCode()).as("issued 10 minutes ago").isEqualTo(401);
      } finally {
        log.close();
      }
    }
  }

  private static String sign(ECKey key, String audience, Instant iat, Duration lifetime)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("client-1")
            .audience(audience)
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(iat.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  @Test
  void prune_deletesWhatWasRecordedBeforeTheDate_andCountsIt() throws Exception {
    AuditLog log = open();
    try {
      Instant old = Instant.parse("2001-06-01T10:00:00Z");
      String card = UUID.randomUUID().toString();
      String call = CdsFeedbackTest.issued(log, "pcd-order-sign", card);
      String early =
          log.record(
              old,
              "iss sub",
              "assess:json",
              "{}",
              "application/json",
              Optional.of("2001-06-01"),
              "2026.11.1",
              "sha256:abc",
              "{}",
              Optional.empty(),
              Optional.empty());
      log.feedback(old, "pcd-order-sign", card, "accepted", "null", "iss sub");
      AuditRetention.Pruned p =
          log.prune(Instant.parse("2002-01-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
      assertThat(p.records()).isEqualTo(1);
      assertThat(p.feedback()).isEqualTo(1);
      assertThat(log.get(early)).isEmpty();
      assertThat(log.get(call)).isPresent();
      assertThat(log.unissued("pcd-order-sign", List.of(card))).isEmpty();
    } finally {
      log.close();
    }
  }
}
