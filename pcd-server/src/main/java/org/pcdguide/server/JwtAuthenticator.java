package org.pcdguide.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CDS Hooks client authentication: a JWT signed with ES384 or RS384 by a trusted issuer whose
 * public keys are configured (JWKS), with {@code aud} the service URL, {@code exp}, {@code iat} and
 * a {@code jti} never seen before. Anything else is rejected with the reason (answered 401).
 */
public final class JwtAuthenticator {
  /** Who called, once authenticated. */
  public record Caller(String issuer, String subject) {}

  private static final List<JWSAlgorithm> ALGORITHMS =
      List.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
  private static final Duration SKEW = Duration.ofSeconds(60);
  private final Map<String, JWKSet> issuers;
  private final Clock clock;
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  public JwtAuthenticator(Map<String, JWKSet> issuers, Clock clock) {
    this.issuers = Map.copyOf(issuers);
    this.clock = clock;
  }

  /** The caller, or the reason the token is refused. */
  public Result authenticate(Optional<String> authorization, String audience) {
    if (authorization.isEmpty() || !authorization.get().startsWith("Bearer ")) {
      return Result.refused("missing Bearer token");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(authorization.get().substring("Bearer ".length()).trim());
    } catch (ParseException | IllegalArgumentException e) {
      return Result.refused("not a signed JWT (alg none and malformed tokens are refused)");
    }
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!ALGORITHMS.contains(alg)) {
      return Result.refused("algorithm " + alg + " is not ES384 or RS384");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return Result.refused("unreadable claims");
    }
    String issuer = claims.getIssuer();
    JWKSet keys = issuer == null ? null : issuers.get(issuer);
    if (keys == null) {
      return Result.refused("unknown issuer " + issuer);
    }
    if (jwt.getHeader().getJWKURL() != null) {
      return Result.refused("jku is not on the allowlist; keys come from the configured JWKS");
    }
    if (!verified(jwt, keys)) {
      return Result.refused("bad signature");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null || claims.getJWTID() == null) {
      return Result.refused("exp, iat and jti are required");
    }
    if (exp.toInstant().isBefore(now.minus(SKEW))) {
      return Result.refused("expired");
    }
    if (iat.toInstant().isAfter(now.plus(SKEW))
        || (claims.getNotBeforeTime() != null
            && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW)))) {
      return Result.refused("not yet valid");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      return Result.refused("audience is not " + audience);
    }
    seen.values().removeIf(e -> e.isBefore(now.minus(SKEW)));
    if (seen.putIfAbsent(issuer + "|" + claims.getJWTID(), exp.toInstant()) != null) {
      return Result.refused("jti already used (replay)");
    }
    return new Result(Optional.of(new Caller(issuer, String.valueOf(claims.getSubject()))), "");
  }

  private static boolean verified(SignedJWT jwt, JWKSet keys) {
    for (JWK key : keys.getKeys()) {
      String kid = jwt.getHeader().getKeyID();
      if (kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID())) {
        continue;
      }
      try {
        JWSVerifier verifier =
            key instanceof ECKey ec && jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.ES384)
                ? new ECDSAVerifier(ec.toECPublicKey())
                : key instanceof RSAKey rsa
                        && jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.RS384)
                    ? new RSASSAVerifier(rsa.toRSAPublicKey())
                    : null;
        if (verifier != null && jwt.verify(verifier)) {
          return true;
        }
      } catch (JOSEException e) {
        // a key of the wrong kind or curve: try the next one
      }
    }
    return false;
  }

  /** An authenticated caller, or empty with the reason. */
  public record Result(Optional<Caller> caller, String reason) {
    static Result refused(String reason) {
      return new Result(Optional.empty(), reason);
    }
  }
}
