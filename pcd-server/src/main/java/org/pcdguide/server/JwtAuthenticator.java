package org.pcdguide.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CDS Hooks client authentication: a JWT signed with ES384 or RS384 by a trusted issuer, with
 * {@code aud} the service URL, {@code exp}, {@code iat} and a {@code jti} never seen before. The
 * public keys come from the issuer's configured JWKS, or, when the token names a {@code jku}, from
 * that URL if it is on the issuer's allowlist ({@link TrustedIssuer}). A key the token carries
 * itself ({@code jwk}, {@code x5c}, {@code x5u}) is never trusted. Anything else is rejected with
 * the reason (answered 401).
 */
public final class JwtAuthenticator {
  /** Who called, once authenticated. */
  public record Caller(String issuer, String subject) {}

  private static final List<JWSAlgorithm> ALGORITHMS =
      List.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
  private static final Duration SKEW = Duration.ofSeconds(60);
  private final Map<String, TrustedIssuer> issuers;
  private final Clock clock;
  private final JkuKeys jkuKeys;

  /** Each issuer's jti seen, until its token expires (replays are refused while it is valid). */
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  /** When {@link #seen} was last swept of expired tokens (epoch milliseconds). */
  private final java.util.concurrent.atomic.AtomicLong swept =
      new java.util.concurrent.atomic.AtomicLong();

  /** How many jtis are remembered (tokens still valid), for tests. */
  int rememberedTokens() {
    return seen.size();
  }

  /**
   * Drops the jtis of expired tokens, at most once a second: sweeping on every call cost a scan of
   * every token seen in the validity window (about 2 ms a call at 700 calls/s with 30-minute
   * tokens, the authenticated load run). A replayed token is still found until it expires.
   */
  private void forgetExpired(Instant now) {
    long last = swept.get();
    if (now.toEpochMilli() - last >= 1000 && swept.compareAndSet(last, now.toEpochMilli())) {
      seen.values().removeIf(e -> e.isBefore(now.minus(SKEW)));
    }
  }

  /** Issuers with a configured JWKS each, and no jku allowlist. */
  public JwtAuthenticator(Map<String, JWKSet> issuers, Clock clock) {
    this(
        issuers.entrySet().stream().map(e -> TrustedIssuer.of(e.getKey(), e.getValue())).toList(),
        clock);
  }

  public JwtAuthenticator(List<TrustedIssuer> issuers, Clock clock) {
    Map<String, TrustedIssuer> byName = new LinkedHashMap<>();
    for (TrustedIssuer issuer : issuers) {
      if (byName.putIfAbsent(issuer.issuer(), issuer) != null) {
        throw new IllegalArgumentException(
            "issuer " + issuer.issuer() + " is configured twice; give it one TrustedIssuer");
      }
    }
    this.issuers = Map.copyOf(byName);
    this.clock = clock;
    this.jkuKeys = new JkuKeys(clock);
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
    TrustedIssuer trusted = issuer == null ? null : issuers.get(issuer);
    if (trusted == null) {
      return Result.refused("unknown issuer " + issuer);
    }
    JkuKeys.Lookup keys = keys(trusted, jwt.getHeader());
    if (keys instanceof JkuKeys.Unavailable unavailable) {
      return Result.refused(unavailable.reason());
    }
    if (keys instanceof JkuKeys.Found found && !verified(jwt, found.keys())) {
      return Result.refused("bad signature");
    }
    Optional<String> problem = claimsProblem(claims, audience);
    if (problem.isPresent()) {
      return Result.refused(problem.get());
    }
    return new Result(Optional.of(new Caller(issuer, String.valueOf(claims.getSubject()))), "");
  }

  /** The keys to verify the token with: never one it carries, jku only when allowlisted. */
  private JkuKeys.Lookup keys(TrustedIssuer trusted, JWSHeader header) {
    if (header.getJWK() != null
        || header.getX509CertURL() != null
        || header.getX509CertChain() != null) {
      return new JkuKeys.Unavailable(
          "the token carries its own key (jwk, x5u or x5c header);"
              + " keys come only from the issuer's configured JWKS or allowlisted jku");
    }
    URI jku = header.getJWKURL();
    if (jku == null) {
      return trusted.keys().isEmpty()
          ? new JkuKeys.Unavailable(
              "issuer "
                  + trusted.issuer()
                  + " has no configured JWKS; its tokens must name an allowlisted jku")
          : new JkuKeys.Found(trusted.keys());
    }
    Optional<URI> allowed = trusted.allowlisted(jku);
    if (allowed.isEmpty()) {
      return new JkuKeys.Unavailable(
          "jku " + jku + " is not on the allowlist of issuer " + trusted.issuer());
    }
    return jkuKeys.keys(allowed.get(), Optional.ofNullable(header.getKeyID()));
  }

  private Optional<String> claimsProblem(JWTClaimsSet claims, String audience) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null || claims.getJWTID() == null) {
      return Optional.of("exp, iat and jti are required");
    }
    if (exp.toInstant().isBefore(now.minus(SKEW))) {
      return Optional.of("expired");
    }
    if (iat.toInstant().isAfter(now.plus(SKEW))
        || (claims.getNotBeforeTime() != null
            && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW)))) {
      return Optional.of("not yet valid");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      return Optional.of("audience is not " + audience);
    }
    forgetExpired(now);
    if (seen.putIfAbsent(claims.getIssuer() + "|" + claims.getJWTID(), exp.toInstant()) != null) {
      return Optional.of("jti already used (replay)");
    }
    return Optional.empty();
  }

  /**
   * Bouncy Castle verifies ES384 signatures: 0.6 ms per token here against 1.7-1.8 ms with the
   * JDK's own provider (JDK 17 and 25), which made signature checks the largest cost of an
   * authenticated call. Used only for this, never registered as a JVM-wide provider.
   */
  private static final java.security.Provider EC_PROVIDER =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private static JWSVerifier ecVerifier(ECKey ec) throws JOSEException {
    ECDSAVerifier v = new ECDSAVerifier(ec.toECPublicKey());
    v.getJCAContext().setProvider(EC_PROVIDER);
    return v;
  }

  private static boolean verified(SignedJWT jwt, JWKSet keys) {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    String kid = jwt.getHeader().getKeyID();
    for (JWK key : keys.getKeys()) {
      if ((kid != null && key.getKeyID() != null && !kid.equals(key.getKeyID()))
          || (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse()))
          || (key.getAlgorithm() != null && !alg.equals(key.getAlgorithm()))) {
        continue;
      }
      try {
        JWSVerifier verifier =
            key instanceof ECKey ec && alg.equals(JWSAlgorithm.ES384)
                ? ecVerifier(ec)
                : key instanceof RSAKey rsa && alg.equals(JWSAlgorithm.RS384)
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
