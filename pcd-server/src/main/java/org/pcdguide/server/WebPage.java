package org.pcdguide.server;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;

/**
 * The clinician page ({@code /}) and its script ({@code /page.js}), a separate file so that the
 * Content-Security-Policy can forbid inline script ({@link SecurityHeaders}).
 */
final class WebPage {
  private final byte[] page = resource("web/index.html");
  private final byte[] script = resource("web/page.js");

  void routes(JavalinDefaultRoutingApi r) {
    r.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    r.get("/page.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(script));
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the server jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(name + " cannot be read from the server jar", e);
    }
  }
}
