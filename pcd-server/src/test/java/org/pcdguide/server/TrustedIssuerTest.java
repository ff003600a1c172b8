package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The issuer configuration: exact jku URLs, public keys only, every problem reported at once. */
class TrustedIssuerTest {
  private static final String ISSUER = "https://ehr.example.org";

  @Test
  void allowlisted_matchesTheNormalizedUrlOnly() {
    TrustedIssuer issuer =
        TrustedIssuer.ofJku(ISSUER, List.of(URI.create("HTTPS://EHR.example.org:443/keys/jwks")));
    URI canonical = URI.create("https://ehr.example.org/keys/jwks");
    assertThat(issuer.jkuAllowed()).containsExactly(canonical);
    assertThat(issuer.allowlisted(URI.create("https://ehr.example.org/keys/./jwks")))
        .contains(canonical);
    assertThat(issuer.allowlisted(URI.create("https://ehr.example.org/keys/jwks/"))).isEmpty();
    assertThat(issuer.allowlisted(URI.create("https://ehr.example.org/keys/jwks?a=1"))).isEmpty();
    assertThat(issuer.allowlisted(URI.create("https://ehr.example.org/keys/jwks2"))).isEmpty();
    assertThat(issuer.allowlisted(URI.create("https://ehr.example.org:8443/keys/jwks"))).isEmpty();
    assertThat(issuer.allowlisted(URI.create("http://ehr.example.org/keys/jwks"))).isEmpty();
    assertThat(issuer.allowlisted(URI.create("https://u@ehr.example.org/keys/jwks"))).isEmpty();
    assertThat(issuer.allowlisted(URI.create("https://ehr.example.org/keys/jwks#k"))).isEmpty();
    assertThat(issuer.allowlisted(URI.create("/keys/jwks"))).isEmpty();
  }

  @Test
  void constructor_badConfiguration_reportsEveryProblemWithTheBadValue() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
    assertThatThrownBy(
            () ->
                new TrustedIssuer(
                    ISSUER,
                    new JWKSet(key),
                    List.of(
                        URI.create("https://user@ehr.example.org/jwks"),
                        URI.create("https://ehr.example.org/jwks#x"),
                        URI.create("ftp://ehr.example.org/jwks"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("private key material (kid k1)")
        .hasMessageContaining("user info, was https://user@ehr.example.org/jwks")
        .hasMessageContaining("fragment, was https://ehr.example.org/jwks#x")
        .hasMessageContaining("http or https, was ftp://ehr.example.org/jwks");
    assertThatThrownBy(
            () ->
                TrustedIssuer.of(
                    ISSUER, new JWKSet(new OctetSequenceKeyGenerator(384).keyID("s").generate())))
        .hasMessageContaining("symmetric key (kid s)");
    assertThatThrownBy(() -> TrustedIssuer.of(ISSUER, new JWKSet()))
        .hasMessageContaining("neither a configured JWKS nor an allowlisted jku");
  }

  @Test
  void authenticator_sameIssuerTwice_isRefused() throws Exception {
    JWKSet keys = new JWKSet(new ECKeyGenerator(Curve.P_384).keyID("k1").generate().toPublicJWK());
    assertThatThrownBy(
            () ->
                new JwtAuthenticator(
                    List.of(TrustedIssuer.of(ISSUER, keys), TrustedIssuer.of(ISSUER, keys)),
                    Clock.systemUTC()))
        .hasMessageContaining("configured twice");
    assertThat(new JwtAuthenticator(Map.of(ISSUER, keys), Clock.systemUTC())).isNotNull();
  }
}
