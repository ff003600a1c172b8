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
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys from allowlisted jku URLs, through the authenticator with a clock the test moves: the
 * 10-minute cache, the rate-limited refetch on key rotation, and every way a fetch can fail (each a
 * refusal with its reason). The JWKS endpoint is on 127.0.0.1.
 */
class JkuKeysTest {
  private static final String JKU_ISSUER = "https://jku-ehr.example.org";
  private static final String AUDIENCE = "https://cds.example.org/cds-services/pcd-patient-view";
  private static ECKey jkuKey;
  private static JwksEndpoint endpoint;

  @BeforeAll
  static void start() throws Exception {
    jkuKey = new ECKeyGenerator(Curve.P_384).keyID("jku-1").generate();
    endpoint = JwksEndpoint.start();
  }

  @AfterAll
  static void stop() {
    endpoint.close();
  }

  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2025-03-01T08:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static JwtAuthenticator.Result authenticate(
      JwtAuthenticator auth, TestClock clock, ECKey with, URI jku) throws Exception {
    return auth.authenticate(
        Optional.of(
            "Bearer " + sign(claims(JKU_ISSUER, AUDIENCE, clock.instant()).build(), with, jku)),
        AUDIENCE);
  }

  @Test
  void jkuKeys_areCachedForTenMinutes() throws Exception {
    endpoint.serve("/c/jwks.json", new JWKSet(jkuKey.toPublicJWK()).toString());
    URI jku = endpoint.url("/c/jwks.json");
    TestClock clock = new TestClock();
    JwtAuthenticator auth =
        new JwtAuthenticator(List.of(TrustedIssuer.ofJku(JKU_ISSUER, List.of(jku))), clock);
    for (int i = 0; i < 5; i++) {
      assertThat(authenticate(auth, clock, jkuKey, jku).caller()).isPresent();
      clock.advance(Duration.ofMinutes(2).minusSeconds(1));
    }
    assertThat(endpoint.fetches("/c/jwks.json")).isEqualTo(1);
    clock.advance(Duration.ofSeconds(5));
    assertThat(authenticate(auth, clock, jkuKey, jku).caller()).isPresent();
    assertThat(endpoint.fetches("/c/jwks.json")).as("refetched after 10 minutes").isEqualTo(2);
  }

  @Test
  void replayedJti_isRefusedUntilItsTokenExpires_thenForgotten() throws Exception {
    endpoint.serve("/j/jwks.json", new JWKSet(jkuKey.toPublicJWK()).toString());
    URI jku = endpoint.url("/j/jwks.json");
    TestClock clock = new TestClock();
    JwtAuthenticator auth =
        new JwtAuthenticator(List.of(TrustedIssuer.ofJku(JKU_ISSUER, List.of(jku))), clock);
    JWTClaimsSet claims = claims(JKU_ISSUER, AUDIENCE, clock.instant()).build();
    Optional<String> token = Optional.of("Bearer " + sign(claims, jkuKey, jku));
    assertThat(auth.authenticate(token, AUDIENCE).caller()).isPresent();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(2)); // past the once-a-second sweep of expired tokens
      assertThat(auth.authenticate(token, AUDIENCE).reason())
          .isEqualTo("jti already used (replay)");
    }
    clock.advance(Duration.between(clock.instant(), claims.getExpirationTime().toInstant()));
    clock.advance(Duration.ofSeconds(61));
    assertThat(auth.authenticate(token, AUDIENCE).reason()).isEqualTo("expired");
    assertThat(authenticate(auth, clock, jkuKey, jku).caller()).isPresent();
    assertThat(auth.rememberedTokens()).as("the expired token's jti is forgotten").isEqualTo(1);
  }

  @Test
  void jkuKeyRotation_newKid_refetchesOnceAndIsRateLimited() throws Exception {
    ECKey rotated = new ECKeyGenerator(Curve.P_384).keyID("jku-2").generate();
    ECKey forged = new ECKeyGenerator(Curve.P_384).keyID("forged").generate();
    endpoint.serve("/r/jwks.json", new JWKSet(jkuKey.toPublicJWK()).toString());
    URI jku = endpoint.url("/r/jwks.json");
    TestClock clock = new TestClock();
    JwtAuthenticator auth =
        new JwtAuthenticator(List.of(TrustedIssuer.ofJku(JKU_ISSUER, List.of(jku))), clock);
    assertThat(authenticate(auth, clock, jkuKey, jku).caller()).isPresent();
    endpoint.serve(
        "/r/jwks.json",
        new JWKSet(List.of(jkuKey.toPublicJWK(), rotated.toPublicJWK())).toString());
    clock.advance(Duration.ofMinutes(1));
    assertThat(authenticate(auth, clock, rotated, jku).caller()).as("new kid").isPresent();
    assertThat(authenticate(auth, clock, rotated, jku).caller()).isPresent();
    assertThat(endpoint.fetches("/r/jwks.json")).as("one refetch for the new kid").isEqualTo(2);
    for (int i = 0; i < 20; i++) {
      assertThat(authenticate(auth, clock, forged, jku).reason()).isEqualTo("bad signature");
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(endpoint.fetches("/r/jwks.json"))
        .as("20 unknown kids in 20 s: at most one refetch per 30 s")
        .isEqualTo(2);
    clock.advance(Duration.ofSeconds(15));
    assertThat(authenticate(auth, clock, forged, jku).caller()).isEmpty();
    assertThat(authenticate(auth, clock, forged, jku).caller()).isEmpty();
    assertThat(endpoint.fetches("/r/jwks.json")).isEqualTo(3);
  }

  @Test
  void jkuEndpointFailures_areRefusedWithTheReason() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI down = URI.create("http://127.0.0.1:" + closedPort + "/down/jwks.json");
    endpoint.serve("/500/jwks.json", 500, "{}");
    endpoint.serve("/big/jwks.json", "{\"keys\": [], \"pad\": \"" + "x".repeat(70 * 1024) + "\"}");
    endpoint.serve("/html/jwks.json", "<html><body>Sign in</body></html>");
    endpoint.serve("/private/jwks.json", new JWKSet(jkuKey).toString(false));
    endpoint.serve(
        "/oct/jwks.json",
        new JWKSet(new OctetSequenceKeyGenerator(384).keyID("jku-1").generate()).toString(false));
    Map<URI, String> reasons =
        Map.of(
            down,
            "cannot connect",
            endpoint.url("/500/jwks.json"),
            "HTTP 500",
            endpoint.url("/big/jwks.json"),
            "larger than 64 KiB",
            endpoint.url("/html/jwks.json"),
            "not a JWKS",
            endpoint.url("/private/jwks.json"),
            "private key material",
            endpoint.url("/oct/jwks.json"),
            "symmetric key");
    TestClock clock = new TestClock();
    JwtAuthenticator auth =
        new JwtAuthenticator(
            List.of(TrustedIssuer.ofJku(JKU_ISSUER, List.copyOf(reasons.keySet()))), clock);
    for (Map.Entry<URI, String> e : reasons.entrySet()) {
      JwtAuthenticator.Result r = authenticate(auth, clock, jkuKey, e.getKey());
      assertThat(r.caller()).as(e.getValue()).isEmpty();
      assertThat(r.reason())
          .startsWith("cannot fetch the JWKS at " + e.getKey())
          .contains(e.getValue());
    }
    for (int i = 0; i < 10; i++) {
      authenticate(auth, clock, jkuKey, endpoint.url("/500/jwks.json"));
    }
    assertThat(endpoint.fetches("/500/jwks.json"))
        .as("a failure is remembered for 30 s")
        .isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));
    authenticate(auth, clock, jkuKey, endpoint.url("/500/jwks.json"));
    assertThat(endpoint.fetches("/500/jwks.json")).isEqualTo(2);
  }

  @Test
  void jkuEndpointStalling_isRefusedAfterFiveSeconds() throws Exception {
    endpoint.serveStalling("/stall/jwks.json");
    URI jku = endpoint.url("/stall/jwks.json");
    TestClock clock = new TestClock();
    JwtAuthenticator auth =
        new JwtAuthenticator(List.of(TrustedIssuer.ofJku(JKU_ISSUER, List.of(jku))), clock);
    long started = System.nanoTime();
    JwtAuthenticator.Result r = authenticate(auth, clock, jkuKey, jku);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    assertThat(r.caller()).isEmpty();
    assertThat(r.reason()).isEqualTo("cannot fetch the JWKS at " + jku + ": no answer within 5 s");
  }

  private static String sign(JWTClaimsSet claims, ECKey with, URI jku) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .type(JOSEObjectType.JWT)
                .keyID(with.getKeyID())
                .jwkURL(jku)
                .build(),
            claims);
    jwt.sign(new ECDSASigner(with));
    return jwt.serialize();
  }

  private static JWTClaimsSet.Builder claims(String issuer, String audience, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("client-1")
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString());
  }
}
