package org.pcdguide.server;

import java.time.Instant;

/**
 * The CDS clients' token ids ({@code jti}) seen, each kept until its token expires, so that a
 * replay is refused while the token is valid. {@link AuditLog#seenTokens()} keeps them in the audit
 * store: a restarted server, or a second one on the same store, refuses them too. {@link
 * #inMemory()} forgets them when the process ends (for servers embedded in code without an audit
 * store).
 */
public interface SeenTokens {
  /**
   * Whether this is the first use of {@code issuer}'s token {@code jti} (which expires at {@code
   * expires}); false for a replay. Throws {@link IllegalStateException} when it cannot tell (the
   * caller refuses the token: never fail open).
   */
  boolean firstUse(String issuer, String jti, Instant expires, Instant now);

  /** Token ids kept in this process only. */
  static SeenTokens inMemory() {
    return new MemoryTokens();
  }

  /** The key a token is remembered by: bounded, whatever the client sends. */
  static String key(String issuer, String jti) {
    return AuditRows.sha256(issuer + "\n" + jti);
  }
}
