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
  static final Duration SKEW = Duration.ofSeconds(60);

  /**
   * The longest token lifetime ({@code exp - iat}) accepted by default: CDS Hooks 2.0 recommends
   * that a token expire within five minutes.
   */
  public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(5);

  private final Map<String, TrustedIssuer> issuers;
  private final Clock clock;
  private final JkuKeys jkuKeys;
  private final Duration maxLifetime;

  /** Each issuer's jti seen, until its token expires (replays are refused while it is valid). */
  private final SeenTokens seen;

  /** How many jtis are remembered in memory (tokens still valid), for tests. */
  int rememberedTokens() {
    return seen instanceof MemoryTokens m ? m.size() : -1;
  }

  /** Issuers with a configured JWKS each, and no jku allowlist. */
  public JwtAuthenticator(Map<String, JWKSet> issuers, Clock clock) {
    this(
        issuers.entrySet().stream().map(e -> TrustedIssuer.of(e.getKey(), e.getValue())).toList(),
        clock);
  }

  /** Tokens living at most {@link #DEFAULT_MAX_LIFETIME}, their jtis kept in memory. */
  public JwtAuthenticator(List<TrustedIssuer> issuers, Clock clock) {
    this(issuers, clock, DEFAULT_MAX_LIFETIME, SeenTokens.inMemory());
  }

  /**
   * Tokens living at most {@code maxLifetime} ({@code exp - iat}, and no older {@code iat}), their
   * jtis kept by {@code seen} (the audit store's, {@link AuditLog#seenTokens()}, survives a
   * restart).
   */
  public JwtAuthenticator(
      List<TrustedIssuer> issuers, Clock clock, Duration maxLifetime, SeenTokens seen) {
    if (maxLifetime.isNegative() || maxLifetime.isZero()) {
      throw new IllegalArgumentException(
          "the longest token lifetime must be positive, was " + maxLifetime);
    }
    this.maxLifetime = maxLifetime;
    this.seen = seen;
    Map<String, TrustedIssuer> byName = new LinkedHashMap<>();
    for (TrustedIssuer issuer : issuers) {
      if (issuer.issuer().length() > AuditLimits.CALLER - AuditLimits.SUBJECT - 1) {
        throw new IllegalArgumentException(
            "issuer names are at most 256 characters (the audit log's caller is issuer and"
                + " subject), was "
                + issuer.issuer().length());
      }
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
    // the scheme name is case-insensitive (RFC 7235 section 2.1): Bearer, bearer, BEARER
    if (authorization.isEmpty()
        || !authorization.get().regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) {
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
    Optional<String> lifetime = lifetimeProblem(exp.toInstant(), iat.toInstant(), now);
    if (lifetime.isPresent()) {
      return lifetime;
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      return Optional.of("audience is not " + audience);
    }
    if (claims.getSubject() != null && claims.getSubject().length() > AuditLimits.SUBJECT) {
      return Optional.of("sub is longer than " + AuditLimits.SUBJECT + " characters");
    }
    try {
      if (!seen.firstUse(claims.getIssuer(), claims.getJWTID(), exp.toInstant(), now)) {
        return Optional.of("jti already used (replay)");
      }
    } catch (IllegalStateException e) {
      return Optional.of("the replay check is unavailable (the audit store cannot be read)");
    }
    return Optional.empty();
  }

  /**
   * A token living longer than {@link #maxLifetime}, or issued longer ago, is refused: its jti need
   * only be kept that long, and a stolen token is of use that long at most (issue 15: a token with
   * {@code exp} 5,000 years ahead was accepted).
   */
  private Optional<String> lifetimeProblem(Instant exp, Instant iat, Instant now) {
    if (Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
      return Optional.of(
          "exp - iat is "
              + Duration.between(iat, exp).toSeconds()
              + " s; tokens living longer than "
              + maxLifetime.toSeconds()
              + " s are refused");
    }
    if (iat.isBefore(now.minus(maxLifetime).minus(SKEW))) {
      return Optional.of(
          "issued too long ago (iat more than " + maxLifetime.toSeconds() + " s in the past)");
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
