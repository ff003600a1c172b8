package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcdguide.server.fixture.StartedServer;

/**
 * CDS Hooks JWT authentication against the real server: one valid call per way of trusting keys,
 * then every attack (docs/security.md lists them with their tests). The jku cache and fetch
 * failures are in {@link JkuKeysTest}. Every JWKS endpoint is on 127.0.0.1.
 */
class JwtAuthTest {
  private static final String ISSUER = "https://ehr.example.org";
  private static final String RSA_ISSUER = "https://rsa-ehr.example.org";
  private static final String JKU_ISSUER = "https://jku-ehr.example.org";
  private static final String OTHER_ISSUER = "https://other-ehr.example.org";
  private static final String BROKEN_ISSUER = "https://broken-ehr.example.org";
  private static final String JKU_PATH = "/jku-ehr/jwks.json";
  private static final String OTHER_PATH = "/other/jwks.json";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static ECKey key;
  private static ECKey stranger;
  private static ECKey jkuKey;
  private static ECKey otherKey;
  private static RSAKey rsaKey;
  private static JwksEndpoint endpoint;
  private static StartedServer server;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    key = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
    stranger = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
    jkuKey = new ECKeyGenerator(Curve.P_384).keyID("jku-1").generate();
    otherKey = new ECKeyGenerator(Curve.P_384).keyID("other-1").generate();
    rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    endpoint = JwksEndpoint.start();
    endpoint.serve(JKU_PATH, new JWKSet(jkuKey.toPublicJWK()).toString());
    endpoint.serve(OTHER_PATH, new JWKSet(otherKey.toPublicJWK()).toString());
    endpoint.serve("/broken/jwks.json", 500, "{\"error\": \"down for maintenance\"}");
    JwtAuthenticator auth =
        new JwtAuthenticator(
            List.of(
                TrustedIssuer.of(ISSUER, new JWKSet(key.toPublicJWK())),
                TrustedIssuer.of(RSA_ISSUER, new JWKSet(rsaKey.toPublicJWK())),
                TrustedIssuer.ofJku(JKU_ISSUER, List.of(endpoint.url(JKU_PATH))),
                new TrustedIssuer(
                    OTHER_ISSUER,
                    new JWKSet(otherKey.toPublicJWK()),
                    List.of(endpoint.url(OTHER_PATH))),
                TrustedIssuer.ofJku(BROKEN_ISSUER, List.of(endpoint.url("/broken/jwks.json")))),
            Clock.systemUTC());
    server = StartedServer.builder().auth(auth).start();
    url = "http://127.0.0.1:" + server.port() + "/cds-services/pcd-patient-view";
  }

  @AfterAll
  static void stop() {
    server.close();
    endpoint.close();
  }

  private static JWTClaimsSet.Builder claims() {
    return claims(ISSUER, url, Instant.now());
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

  private static String sign(JWTClaimsSet claims, ECKey with) throws Exception {
    return sign(claims, with, null);
  }

  /** ES384 with {@code with}'s kid, naming {@code jku} (when not null). */
  private static String sign(JWTClaimsSet claims, ECKey with, URI jku) throws Exception {
    return sign(
        new JWSHeader.Builder(JWSAlgorithm.ES384)
            .type(JOSEObjectType.JWT)
            .keyID(with.getKeyID())
            .jwkURL(jku),
        claims,
        with);
  }

  private static String sign(JWSHeader.Builder header, JWTClaimsSet claims, ECKey with)
      throws Exception {
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    jwt.sign(new ECDSASigner(with));
    return jwt.serialize();
  }

  private static HttpResponse<String> send(String token) throws Exception {
    String body =
        "{\"hook\": \"patient-view\", \"hookInstance\": \""
            + UUID.randomUUID()
            + "\", \"context\": {\"userId\": \"Practitioner/x\", \"patientId\": \"p\"},"
            + " \"prefetch\": {\"patient\": {\"resourceType\": \"Patient\", \"id\": \"p\", \"gender\": \"female\"}}}";
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 401) {
      assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    return r;
  }

  private static int call(String token) throws Exception {
    return send(token).statusCode();
  }

  @Test
  void validEs384Token_isAccepted() throws Exception {
    assertThat(call(sign(claims().build(), key))).isEqualTo(200);
  }

  @Test
  void behindAProxy_thePublicUrlIsTheAudience_andTheCardsLinkToIt() throws Exception {
    JwtAuthenticator auth =
        new JwtAuthenticator(
            List.of(TrustedIssuer.of(ISSUER, new JWKSet(key.toPublicJWK()))), Clock.systemUTC());
    try (StartedServer proxied =
        StartedServer.builder()
            .auth(auth)
            .embeddedAudit()
            .publicUrl("https://cds.example.org/")
            .start()) {
      String local = "http://127.0.0.1:" + proxied.port() + "/cds-services/pcd-patient-view";
      String published = "https://cds.example.org/cds-services/pcd-patient-view";
      var request =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .createObjectNode()
              .put("hook", "patient-view")
              .put("hookInstance", UUID.randomUUID().toString());
      request.putObject("context").put("userId", "Practitioner/x").put("patientId", "p");
      request
          .putObject("prefetch")
          .set(
              "everything",
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .readTree(
                      java.nio.file.Files.readString(
                          java.nio.file.Path.of("../examples/poems-disseminated.fhir.json"))));
      java.util.function.Function<String, HttpResponse<String>> post =
          token -> {
            try {
              return CLIENT.send(
                  HttpRequest.newBuilder(URI.create(local))
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + token)
                      .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      HttpResponse<String> ok =
          post.apply(sign(claims(ISSUER, published, Instant.now()).build(), key));
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      var cards =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(ok.body()).get("cards");
      assertThat(cards).isNotEmpty();
      assertThat(cards.findValuesAsText("url"))
          .isNotEmpty()
          .allSatisfy(u -> assertThat(u).startsWith("https://cds.example.org/"));
      HttpResponse<String> local401 =
          post.apply(sign(claims(ISSUER, local, Instant.now()).build(), key));
      assertThat(local401.statusCode()).isEqualTo(401);
      assertThat(local401.body()).contains("audience is not " + published);
    }
  }

  @Test
  void validRs384Token_isAccepted() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(rsaKey.getKeyID()).build(),
            claims(RSA_ISSUER, url, Instant.now()).build());
    jwt.sign(new RSASSASigner(rsaKey));
    assertThat(call(jwt.serialize())).isEqualTo(200);
  }

  /** Asserts the server answers 401 with a problem body naming {@code reason}. */
  private static void assertRefused(String token, String reason, String attack) throws Exception {
    HttpResponse<String> r = send(token);
    assertThat(r.statusCode()).as(attack).isEqualTo(401);
    assertThat(r.body()).as(attack).contains("The CDS client's JWT is refused: " + reason);
  }

  @Test
  void attacks_areRefusedWith401() throws Exception {
    Instant now = Instant.now();
    assertRefused(null, "missing Bearer token", "missing token");
    assertRefused(
        sign(claims().expirationTime(Date.from(now.minusSeconds(600))).build(), key),
        "expired",
        "expired");
    assertRefused(
        sign(claims().notBeforeTime(Date.from(now.plusSeconds(600))).build(), key),
        "not yet valid",
        "not yet valid (nbf)");
    assertRefused(
        sign(claims().issueTime(Date.from(now.plusSeconds(600))).build(), key),
        "not yet valid",
        "issued in the future");
    assertRefused(
        sign(claims().audience("http://127.0.0.1:1/cds-services/other").build(), key),
        "audience is not " + url,
        "wrong audience");
    assertRefused(
        sign(claims().issuer("https://attacker.example").build(), key),
        "unknown issuer https://attacker.example",
        "unknown issuer");
    assertRefused(sign(claims().build(), stranger), "bad signature", "bad signature");
    assertRefused(new PlainJWT(claims().build()).serialize(), "not a signed JWT", "alg none");
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims().build());
    hmac.sign(new MACSigner(new byte[48]));
    assertRefused(hmac.serialize(), "algorithm HS384 is not ES384 or RS384", "HS384");
    assertRefused(
        sign(claims().jwtID(null).build(), key), "exp, iat and jti are required", "no jti");
    assertRefused("not.a.jwt", "not a signed JWT", "garbage");
    String once = sign(claims().build(), key);
    assertThat(call(once)).isEqualTo(200);
    assertRefused(once, "jti already used (replay)", "replayed jti");
  }

  @Test
  void hs384WithThePublicKeyAsHmacSecret_isRefused() throws Exception {
    byte[] rsaDer = rsaKey.toRSAPublicKey().getEncoded();
    String rsaPem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(rsaDer)
            + "\n-----END PUBLIC KEY-----\n";
    Map<String, List<byte[]>> secrets =
        Map.of(
            RSA_ISSUER,
            List.of(
                rsaDer,
                rsaPem.getBytes(StandardCharsets.US_ASCII),
                rsaKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)),
            ISSUER,
            List.of(
                key.toECPublicKey().getEncoded(),
                key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
    for (Map.Entry<String, List<byte[]>> e : secrets.entrySet()) {
      String kid = e.getKey().equals(ISSUER) ? key.getKeyID() : rsaKey.getKeyID();
      for (byte[] secret : e.getValue()) {
        SignedJWT jwt =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS384).keyID(kid).build(),
                claims(e.getKey(), url, Instant.now()).build());
        jwt.sign(new MACSigner(secret));
        HttpResponse<String> r = send(jwt.serialize());
        assertThat(r.statusCode())
            .as("HS384 keyed with %s's public key", e.getKey())
            .isEqualTo(401);
        assertThat(r.body()).contains("is not ES384 or RS384");
      }
    }
  }

  @Test
  void embeddedJwkHeader_isNeverTrusted() throws Exception {
    String attackersOwn =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .keyID(key.getKeyID())
                .jwk(stranger.toPublicJWK()),
            claims().build(),
            stranger);
    assertRefused(attackersOwn, "the token carries its own key", "signed by the key it carries");
    String genuineButCarrying =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID()).jwk(key.toPublicJWK()),
            claims().build(),
            key);
    HttpResponse<String> r = send(genuineButCarrying);
    assertThat(r.statusCode()).as("carries a key, even the right one").isEqualTo(401);
    assertThat(r.body()).contains("carries its own key");
  }

  @Test
  void kidOfAnotherIssuersKey_isRefused() throws Exception {
    assertThat(call(sign(claims(OTHER_ISSUER, url, Instant.now()).build(), otherKey)))
        .as("the other issuer's own token")
        .isEqualTo(200);
    assertRefused(
        sign(claims().build(), otherKey),
        "bad signature",
        "iss ehr, kid other-1, signed with the other issuer's key");
  }

  @Test
  void jkuHeader_notOnTheAllowlist_isRefused() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .keyID(key.getKeyID())
                .jwkURL(URI.create("http://127.0.0.1:1/jwks.json"))
                .build(),
            claims().build());
    jwt.sign(new ECDSASigner(key));
    assertRefused(
        jwt.serialize(), "jku http://127.0.0.1:1/jwks.json is not on the allowlist", "jku");
  }

  @Test
  void jkuAllowlisted_isAccepted() throws Exception {
    JWTClaimsSet claims = claims(JKU_ISSUER, url, Instant.now()).build();
    assertThat(call(sign(claims, jkuKey, endpoint.url(JKU_PATH)))).isEqualTo(200);
    URI sameUrlWritten =
        URI.create(endpoint.url(JKU_PATH).toString().replace("/jku-ehr/", "/jku-ehr/./"));
    assertThat(call(sign(claims(JKU_ISSUER, url, Instant.now()).build(), jkuKey, sameUrlWritten)))
        .as("normalized before comparing")
        .isEqualTo(200);
    assertRefused(
        sign(claims(JKU_ISSUER, url, Instant.now()).build(), jkuKey),
        "issuer " + JKU_ISSUER + " has no configured JWKS; its tokens must name an allowlisted jku",
        "no jku, and no configured JWKS for this issuer");
  }

  @Test
  void jkuAllowlistedForAnotherIssuer_isRefused() throws Exception {
    HttpResponse<String> r =
        send(
            sign(
                claims(JKU_ISSUER, url, Instant.now()).build(),
                otherKey,
                endpoint.url(OTHER_PATH)));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("not on the allowlist of issuer " + JKU_ISSUER);
  }

  @Test
  void jkuDifferingFromTheAllowlistedUrl_isRefusedAndNeverFetched() throws Exception {
    String allowed = endpoint.url(JKU_PATH).toString();
    String authority = endpoint.url("").toString().substring("http://".length());
    List<String> variants =
        List.of(
            allowed.replace("jwks.json", "other.json"),
            allowed + "/",
            allowed.replace("/jku-ehr/", "/jku-ehr/sub/"),
            allowed.replace("/jku-ehr/", "/other/../jku-ehr/x/"),
            allowed + "?v=2",
            allowed + "#keys",
            allowed.replace(authority, "user:pw@" + authority),
            allowed.replace(authority, "attacker.example@" + authority),
            allowed.replace("http://", "https://"),
            allowed.replace("http://", "ftp://"),
            "file:///etc/passwd",
            "http://localhost:" + authority.substring(authority.indexOf(':') + 1) + JKU_PATH);
    for (String jku : variants) {
      JWTClaimsSet claims = claims(JKU_ISSUER, url, Instant.now()).build();
      assertRefused(
          sign(claims, jkuKey, URI.create(jku)), "jku " + jku + " is not on the allowlist", jku);
    }
    assertThat(endpoint.fetched().stream().filter(p -> p.startsWith("/jku-ehr")))
        .as("a jku that is not allowlisted is never fetched")
        .isSubsetOf(JKU_PATH);
  }

  @Test
  void jkuEndpointFailing_isRefusedWithTheReason() throws Exception {
    HttpResponse<String> r =
        send(
            sign(
                claims(BROKEN_ISSUER, url, Instant.now()).build(),
                jkuKey,
                endpoint.url("/broken/jwks.json")));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("cannot fetch the JWKS at").contains("HTTP 500");
  }
}
