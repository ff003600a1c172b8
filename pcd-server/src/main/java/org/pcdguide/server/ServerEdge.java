package org.pcdguide.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server's edge, where HTTP meets the application: the connector (idle timeout, connections per
 * client), bodies read in full within a deadline without holding a thread ({@link WholeBodies}),
 * and every failure answered as a problem body, Jetty's own included ({@link JettyProblems}, {@link
 * Failures}); a known path called with the wrong method is a 405 naming the allowed ones.
 */
final class ServerEdge {
  private ServerEdge() {}

  static void configure(
      JavalinConfig config, PcdServer.Settings settings, ConnectionLimits limits) {
    long max = settings.maxRequestBytes();
    config.http.prefer405over404 = true;
    config.jetty.threadPool =
        new org.eclipse.jetty.util.thread.QueuedThreadPool(
            limits.threads(), Math.min(8, limits.threads()), 60_000);
    config.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JettyProblems(max));
          server.setHandler(new WholeBodies(max, limits.bodyTimeout()));
        });
    config.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(settings.host());
          connector.setPort(settings.port());
          connector.setIdleTimeout(limits.idleTimeout().toMillis());
          if (limits.perClient() > 0) {
            connector.addEventListener(new ClientConnections(limits.perClient()));
          }
          return connector;
        });
    config.router.javaLangErrorHandler(
        (response, error) -> {
          String id = UUID.randomUUID().toString();
          Failures.LOG.log(
              System.Logger.Level.ERROR, "pcd: 500 (error) correlationId=" + id, error);
          var body =
              Problems.body(
                  500,
                  "Internal error",
                  "The server could not complete the request; the operator can find it in the log"
                      + " by its correlation id "
                      + id,
                  "");
          body.putArray("errors");
          body.put("correlationId", id);
          try {
            response.setStatus(500);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
          } catch (java.io.IOException | IllegalStateException e) {
            // the response is gone; the log line above is what remains
          }
        });
  }

  /**
   * HEAD on every GET route runs the GET handler (Jetty sends its headers without the body):
   * Javalin alone would answer a bare 200 {@code text/plain}.
   */
  static void headLikeGet(io.javalin.Javalin app) {
    var router = app.unsafe.internalRouter;
    for (var parsed : java.util.List.copyOf(router.allHttpHandlers())) {
      Endpoint e = parsed.endpoint;
      if (e.method == HandlerType.GET) {
        router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, e.path, e.handler));
      }
    }
  }

  /** The application's exception answers: Javalin's refusals as problems, failures logged. */
  static void routes(JavalinDefaultRoutingApi r) {
    r.exception(
        MethodNotAllowedResponse.class,
        (e, ctx) -> {
          String allowed = e.getDetails().values().stream().findFirst().orElse("").replace(" ", "");
          ctx.header("Allow", allowed.replace(",", ", "));
          Problems.send(
              ctx,
              405,
              "Method not allowed",
              ctx.method() + " is not allowed on " + ctx.path() + "; use " + allowed);
        });
    r.exception(
        HttpResponseException.class,
        (e, ctx) -> Problems.send(ctx, e.getStatus(), title(e.getStatus()), e.getMessage()));
    r.exception(Exception.class, Failures::answer);
  }

  static String title(int status) {
    return switch (status) {
      case 413 -> "Request too large";
      case 415 -> "Unsupported media type";
      case 400 -> "Malformed request";
      default -> "Request failed";
    };
  }
}
