package org.pcdguide.server;

import io.javalin.http.Context;

/**
 * Headers on every answer: a Content-Security-Policy allowing only this server's own scripts (the
 * page has no inline script) and no framing, {@code nosniff}, no {@code Referer} leaving the page,
 * and {@code Cache-Control: no-store}, since reports, cards and problems carry patient-derived text
 * and neither a browser nor a proxy should keep them.
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  static void add(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }
}
