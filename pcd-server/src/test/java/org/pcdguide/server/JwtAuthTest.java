package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/** CDS Hooks JWT authentication against the real server: one valid call, then every attack. */
class JwtAuthTest {
  private static final String ISSUER = "https://ehr.example.org";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static ECKey key;
  private static ECKey stranger;
  private static PcdServer server;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    key = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
    stranger = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
    JwtAuthenticator auth =
        new JwtAuthenticator(Map.of(ISSUER, new JWKSet(key.toPublicJWK())), Clock.systemUTC());
    server =
        PcdServer.start(
            YamlKnowledgePackSource.bundled().load(),
            new PcdServer.Settings(
                "127.0.0.1", 0, 1024 * 1024, List.of(), Optional.of(auth), Optional.empty()));
    url = "http://127.0.0.1:" + server.port() + "/cds-services/pcd-patient-view";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("client-1")
        .audience(url)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString());
  }

  private static String sign(JWTClaimsSet claims, ECKey with) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES384)
                .type(JOSEObjectType.JWT)
                .keyID(with.getKeyID())
                .build(),
            claims);
    jwt.sign(new ECDSASigner(with));
    return jwt.serialize();
  }

  private static int call(String token) throws Exception {
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
    }
    return r.statusCode();
  }

  @Test
  void validEs384Token_isAccepted() throws Exception {
    assertThat(call(sign(claims().build(), key))).isEqualTo(200);
  }

  @Test
  void attacks_areRefusedWith401() throws Exception {
    Instant now = Instant.now();
    assertThat(call(null)).as("missing token").isEqualTo(401);
    assertThat(call(sign(claims().expirationTime(Date.from(now.minusSeconds(600))).build(), key)))
        .as("expired")
        .isEqualTo(401);
    assertThat(call(sign(claims().notBeforeTime(Date.from(now.plusSeconds(600))).build(), key)))
        .as("not yet valid (nbf)")
        .isEqualTo(401);
    assertThat(call(sign(claims().issueTime(Date.from(now.plusSeconds(600))).build(), key)))
        .as("issued in the future")
        .isEqualTo(401);
    assertThat(call(sign(claims().audience("http://127.0.0.1:1/cds-services/other").build(), key)))
        .as("wrong audience")
        .isEqualTo(401);
    assertThat(call(sign(claims().issuer("https://attacker.example").build(), key)))
        .as("unknown issuer")
        .isEqualTo(401);
    assertThat(call(sign(claims().build(), stranger))).as("bad signature").isEqualTo(401);
    assertThat(call(new PlainJWT(claims().build()).serialize())).as("alg none").isEqualTo(401);
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims().build());
    hmac.sign(new MACSigner(new byte[48]));
    assertThat(call(hmac.serialize())).as("HS384 (algorithm confusion)").isEqualTo(401);
    assertThat(call(sign(claims().jwtID(null).build(), key))).as("no jti").isEqualTo(401);
    assertThat(call("not.a.jwt")).as("garbage").isEqualTo(401);
    String once = sign(claims().build(), key);
    assertThat(call(once)).isEqualTo(200);
    assertThat(call(once)).as("replayed jti").isEqualTo(401);
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
    assertThat(call(jwt.serialize())).isEqualTo(401);
  }
}
