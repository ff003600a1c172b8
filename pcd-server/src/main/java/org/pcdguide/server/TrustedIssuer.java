package org.pcdguide.server;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CDS client issuer whose JWTs are accepted, and where its public keys come from: a configured
 * JWKS ({@code keys}, used for tokens without a {@code jku} header; empty when there is none),
 * and/or the JWKS URLs its tokens may name in {@code jku}.
 *
 * <p>The jku allowlist holds exact URLs, never prefixes: CDS Hooks 2.0 says a service trusts only
 * the jku URLs it has allowlisted for that issuer, and a prefix would hand the keys to anyone who
 * can publish a file under that path. URLs are compared after normalization (scheme and host in
 * lower case, default port dropped, dot segments removed, empty path as {@code /}); the query must
 * match exactly; user info, fragments and schemes other than http and https are refused.
 */
public record TrustedIssuer(String issuer, JWKSet keys, List<URI> jkuAllowed) {
  public TrustedIssuer {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(jkuAllowed, "jkuAllowed");
    List<String> problems = new ArrayList<>();
    if (issuer.isBlank()) {
      problems.add("issuer must not be blank, was '" + issuer + "'");
    }
    nonPublicKey(keys).ifPresent(p -> problems.add("configured JWKS of " + issuer + ": " + p));
    List<URI> canonical = new ArrayList<>();
    for (URI url : jkuAllowed) {
      Optional<String> problem = jkuProblem(url);
      if (problem.isPresent()) {
        problems.add("jku allowlist of " + issuer + ": " + problem.get() + ", was " + url);
      } else {
        canonical.add(canonical(url));
      }
    }
    if (keys.isEmpty() && jkuAllowed.isEmpty()) {
      problems.add("issuer " + issuer + " has neither a configured JWKS nor an allowlisted jku");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    jkuAllowed = List.copyOf(canonical);
  }

  /**
   * The issuers a server is configured with: for each issuer name, the JWKS file with its keys
   * and/or the JWKS URLs its tokens may name. Throws {@link IllegalArgumentException} naming the
   * issuer and the reason when a file cannot be read or a configuration is refused. The command
   * line passes paths and URLs; only the server sees the JWT library.
   */
  public static List<TrustedIssuer> configured(
      Map<String, java.nio.file.Path> jwksFiles, Map<String, List<URI>> jkuAllowed) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>(jwksFiles.keySet());
    names.addAll(jkuAllowed.keySet());
    List<TrustedIssuer> issuers = new ArrayList<>();
    for (String name : names) {
      JWKSet keys = new JWKSet();
      java.nio.file.Path file = jwksFiles.get(name);
      if (file != null) {
        try {
          keys = JWKSet.load(file.toFile());
        } catch (java.io.IOException | java.text.ParseException e) {
          throw new IllegalArgumentException(
              name + ": cannot read JWKS " + file + " (" + e.getMessage() + ")", e);
        }
      }
      issuers.add(new TrustedIssuer(name, keys, jkuAllowed.getOrDefault(name, List.of())));
    }
    return List.copyOf(issuers);
  }

  /** An issuer whose keys are configured (tokens with a jku header are refused). */
  public static TrustedIssuer of(String issuer, JWKSet keys) {
    return new TrustedIssuer(issuer, keys, List.of());
  }

  /** An issuer whose keys come only from the JWKS URLs its tokens name, if allowlisted here. */
  public static TrustedIssuer ofJku(String issuer, List<URI> jkuAllowed) {
    return new TrustedIssuer(issuer, new JWKSet(), jkuAllowed);
  }

  /** The allowlisted URL a token's jku header names, or empty when it is not on this allowlist. */
  Optional<URI> allowlisted(URI jku) {
    if (jkuProblem(jku).isPresent()) {
      return Optional.empty();
    }
    URI wanted = canonical(jku);
    return jkuAllowed.stream().filter(wanted::equals).findFirst();
  }

  /** Why a jku URL can never be trusted, or empty when it may be compared with the allowlist. */
  static Optional<String> jkuProblem(URI url) {
    if (!url.isAbsolute() || url.isOpaque()) {
      return Optional.of("jku must be an absolute http or https URL");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("jku scheme must be http or https");
    }
    if (url.getRawUserInfo() != null) {
      return Optional.of("jku must not carry user info");
    }
    if (url.getRawFragment() != null) {
      return Optional.of("jku must not carry a fragment");
    }
    if (url.getHost() == null) {
      return Optional.of("jku must name a host");
    }
    return Optional.empty();
  }

  private static URI canonical(URI url) {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    int defaultPort = scheme.equals("https") ? 443 : 80;
    int port = url.getPort() == defaultPort ? -1 : url.getPort();
    String path = url.normalize().getRawPath();
    return URI.create(
        scheme
            + "://"
            + url.getHost().toLowerCase(Locale.ROOT)
            + (port == -1 ? "" : ":" + port)
            + (path == null || path.isEmpty() ? "/" : path)
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
  }

  /**
   * Why a JWKS may not be trusted as an issuer's verification keys (it holds a private or a
   * symmetric key: whoever published it has leaked a secret, and a symmetric key would let anyone
   * holding the JWKS sign tokens), or empty.
   */
  static Optional<String> nonPublicKey(JWKSet keys) {
    for (JWK key : keys.getKeys()) {
      if (key instanceof OctetSequenceKey) {
        return Optional.of(
            "holds a symmetric key (kid " + key.getKeyID() + "); only public keys are accepted");
      }
      if (key.isPrivate()) {
        return Optional.of(
            "holds private key material (kid "
                + key.getKeyID()
                + "); only public keys are accepted");
      }
    }
    return Optional.empty();
  }
}
