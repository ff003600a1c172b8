package org.pcdguide.server;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The random tokens by which a CDS Hooks card's full-report link names its recorded call: 128 bits
 * from a cryptographic random source, base64url without padding. A token grants read access to the
 * call's report for a while, so it must not be guessable.
 */
final class ReportTokens {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReportTokens() {}

  static String next() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Whether {@code token} has the form {@link #next()} gives (anything else names no report). */
  static boolean wellFormed(String token) {
    return FORM.matcher(token).matches();
  }
}
