package org.pcdguide.server;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;

/**
 * CORS on the CDS Hooks endpoints (discovery, services, feedback) for the configured origins only:
 * their requests get {@code Access-Control-Allow-Origin} and their preflights ({@code OPTIONS}) the
 * methods and headers a CDS client sends; any other origin gets no CORS header, so the browser
 * keeps the answer from its page. The REST API and the page get none: the page is same-origin.
 */
final class Cors {
  static final List<String> PATHS =
      List.of("/cds-services", "/cds-services/{id}", "/cds-services/{id}/feedback");
  private final BrowserAccess access;

  Cors(BrowserAccess access) {
    this.access = access;
  }

  void routes(JavalinDefaultRoutingApi r) {
    r.before("/cds-services", this::allow);
    r.before("/cds-services/*", this::allow);
    PATHS.forEach(p -> r.options(p, this::preflight));
  }

  private boolean allowed(Context ctx) {
    String origin = ctx.header("Origin");
    return origin != null && access.allows(origin);
  }

  private void allow(Context ctx) {
    ctx.header("Vary", "Origin");
    if (allowed(ctx)) {
      ctx.header(
          "Access-Control-Allow-Origin",
          access.allowsAny() ? BrowserAccess.ANY : ctx.header("Origin"));
      ctx.header("Access-Control-Expose-Headers", "X-PCD-Audit-Id");
    }
  }

  private void preflight(Context ctx) {
    if (!allowed(ctx)) {
      Problems.send(
          ctx,
          403,
          "Forbidden",
          "Cross-origin calls are not allowed from this origin (pcd serve --cors-origin)");
      return;
    }
    ctx.header("Access-Control-Allow-Methods", "GET, POST");
    ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(204);
  }
}
