package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcdguide.server.fixture.StartedServer;

/**
 * Issue 15, defect 10: the CDS Hooks endpoints read their bodies as strictly as the REST API (a
 * JSON media type, one JSON document), and accept the {@code Bearer} scheme in any case (RFC 7235).
 */
class Issue15CdsStrictTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ISSUER = "https://ehr.example.org";
  private static final String BODY =
      "{\"hook\": \"patient-view\", \"hookInstance\": \"h-1\", \"context\": {\"userId\":"
          + " \"Practitioner/x\", \"patientId\": \"p\"}, \"prefetch\": {\"patient\":"
          + " {\"resourceType\": \"Patient\", \"id\": \"p\", \"gender\": \"female\"}}}";
  private static ECKey key;
  private static StartedServer server;

  @BeforeAll
  static void start() throws Exception {
    key = new ECKeyGenerator(Curve.P_384).keyID("ehr-1").generate();
    JwtAuthenticator auth =
        new JwtAuthenticator(
            List.of(TrustedIssuer.of(ISSUER, new JWKSet(key.toPublicJWK()))), Clock.systemUTC());
    server = StartedServer.builder().auth(auth).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String token(String path) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("client-1")
            .audience("http://127.0.0.1:" + server.port() + path)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
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

  private static RawHttp.Answer post(String path, String scheme, String type, String body)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return RawHttp.send(
        server.port(),
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + server.port()
            + "\r\nAuthorization: "
            + scheme
            + " "
            + token(path)
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n"
            + body);
  }

  @Test
  void bearerScheme_anyCase_isAccepted() throws Exception {
    for (String scheme : List.of("Bearer", "bearer", "BEARER")) {
      RawHttp.Answer a = post("/cds-services/pcd-patient-view", scheme, "application/json", BODY);
      assertThat(a.status()).as(scheme + ": " + a.body()).isEqualTo(200);
      assertThat(JSON.readTree(a.body()).get("cards").isArray()).isTrue();
    }
  }

  @Test
  void nonJsonMediaType_is415Problem() throws Exception {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "text/yaml")) {
      RawHttp.Answer a = post("/cds-services/pcd-patient-view", "Bearer", type, BODY);
      assertThat(a.status()).as(type).isEqualTo(415);
      assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(JSON.readTree(a.body()).get("detail").asText()).contains("application/json");
    }
  }

  @Test
  void trailingDataOrConcatenatedDocuments_is400Problem() throws Exception {
    for (String body : List.of(BODY + " trailing", BODY + BODY, BODY + "\n{}", BODY + "]")) {
      for (String path :
          List.of("/cds-services/pcd-patient-view", "/cds-services/pcd-patient-view/feedback")) {
        RawHttp.Answer a = post(path, "Bearer", "application/json", body);
        assertThat(a.status()).as(path + " " + body).isEqualTo(400);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(a.body()).get("detail").asText()).contains("one JSON document");
      }
    }
  }
}
