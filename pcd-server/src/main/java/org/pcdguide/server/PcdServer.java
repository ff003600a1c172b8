package org.pcdguide.server;

import io.javalin.Javalin;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.Terminology;

/**
 * The PCD Guide HTTP server (Javalin on Jetty): the REST API, CDS Hooks, the clinician page and the
 * audit log, all assessing through one {@link AssessmentService} on the settings' clock. Every
 * error is an RFC 9457 problem body, never a stack trace.
 */
public final class PcdServer implements AutoCloseable {
  /**
   * Server settings; {@code port} 0 picks a free port. {@code fhirServers} lists the FHIR server
   * base URLs a CDS Hooks call may make this server fetch from (none by default: no request can
   * make the server call an arbitrary address). An empty {@code authenticator} turns CDS Hooks
   * authentication off: a development setting, never the default. {@code publicUrl} is the base URL
   * EHRs call, when a TLS-terminating proxy stands in front of the server: the JWT audience is
   * checked against it and cards link to it (without it, the request's own scheme and Host). {@code
   * clock} is the server's clock: "today", for a call that names no date, is its date in its zone
   * (the server's configured zone), and that zone is recorded with the call.
   */
  public record Settings(
      String host,
      int port,
      long maxRequestBytes,
      java.util.List<String> fhirServers,
      java.util.Optional<JwtAuthenticator> authenticator,
      java.util.Optional<AuditLog> audit,
      java.time.Duration reportTtl,
      java.util.Optional<String> publicUrl,
      java.time.Clock clock) {
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /**
     * How long a CDS Hooks card's full-report link works after the call: a setting, not clinical
     * knowledge (the EHR shows the card while the clinician has the chart open).
     */
    public static final java.time.Duration DEFAULT_REPORT_TTL = java.time.Duration.ofHours(24);

    public Settings {
      fhirServers = java.util.List.copyOf(fhirServers);
      if (reportTtl.isNegative() || reportTtl.isZero()) {
        throw new IllegalArgumentException("the report link lifetime must be positive");
      }
      publicUrl = publicUrl.map(Settings::checkPublicUrl);
    }

    /**
     * A public base URL without its trailing slash; refused (with the reason) unless it is an
     * absolute http or https URL with a host and no user info, query or fragment.
     */
    public static String checkPublicUrl(String url) {
      java.net.URI u;
      try {
        u = new java.net.URI(url);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason());
      }
      if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
          || u.getHost() == null
          || u.getRawUserInfo() != null
          || u.getRawQuery() != null
          || u.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "'"
                + url
                + "' is not an http(s) base URL with a host and no user info, query or fragment");
      }
      return url.replaceAll("/+$", "");
    }

    /** Settings on the system clock in the system's zone. */
    public Settings(
        String host,
        int port,
        long maxRequestBytes,
        java.util.List<String> fhirServers,
        java.util.Optional<JwtAuthenticator> authenticator,
        java.util.Optional<AuditLog> audit,
        java.time.Duration reportTtl,
        java.util.Optional<String> publicUrl) {
      this(
          host,
          port,
          maxRequestBytes,
          fhirServers,
          authenticator,
          audit,
          reportTtl,
          publicUrl,
          java.time.Clock.systemDefaultZone());
    }

    /** Settings with report links working for {@link #DEFAULT_REPORT_TTL}. */
    public Settings(
        String host,
        int port,
        long maxRequestBytes,
        java.util.List<String> fhirServers,
        java.util.Optional<JwtAuthenticator> authenticator,
        java.util.Optional<AuditLog> audit) {
      this(
          host,
          port,
          maxRequestBytes,
          fhirServers,
          authenticator,
          audit,
          DEFAULT_REPORT_TTL,
          java.util.Optional.empty());
    }

    /**
     * Loopback, port 8080, 1 MiB requests, no FHIR server trusted for fetching, and CDS Hooks calls
     * authenticated against no issuer (so refused until issuers are configured).
     */
    public static Settings defaults() {
      return new Settings(
          "127.0.0.1",
          8080,
          DEFAULT_MAX_REQUEST_BYTES,
          java.util.List.of(),
          java.util.Optional.of(
              new JwtAuthenticator(java.util.Map.of(), java.time.Clock.systemDefaultZone())),
          java.util.Optional.empty());
    }
  }

  private final Javalin app;

  private PcdServer(Javalin app) {
    this.app = app;
  }

  public static PcdServer start(KnowledgePack pack, Settings settings) {
    return start(pack, settings, ConnectionLimits.DEFAULTS, BrowserAccess.none());
  }

  /** The server with the given bounds on what one client can hold ({@link ConnectionLimits}). */
  public static PcdServer start(KnowledgePack pack, Settings settings, ConnectionLimits limits) {
    return start(pack, settings, limits, BrowserAccess.none());
  }

  /** The server with CORS for {@code access}'s origins on the CDS Hooks endpoints. */
  public static PcdServer start(KnowledgePack pack, Settings settings, BrowserAccess access) {
    return start(pack, settings, ConnectionLimits.DEFAULTS, access);
  }

  /**
   * The server with client bounds and CORS; any origin ({@code *}) is refused ({@link
   * IllegalArgumentException}) while CDS Hooks calls are authenticated.
   */
  public static PcdServer start(
      KnowledgePack pack, Settings settings, ConnectionLimits limits, BrowserAccess access) {
    if (access.allowsAny() && settings.authenticator().isPresent()) {
      throw new IllegalArgumentException(
          "CORS for any origin (*) is refused while CDS Hooks calls are authenticated; name the"
              + " EHR's origins instead");
    }
    AssessmentService service =
        new AssessmentService(pack, Terminology.bundled(), settings.clock());
    Api api = new Api(service, settings.maxRequestBytes(), settings.audit(), settings.clock());
    CdsHooks hooks = new CdsHooks(service, settings);
    Javalin app =
        Javalin.create(
            config -> {
              config.http.maxRequestSize = settings.maxRequestBytes();
              config.startup.showJavalinBanner = false;
              config.routes.before(SecurityHeaders::add);
              new Cors(access).routes(config.routes);
              new WebPage().routes(config.routes);
              api.routes(config.routes);
              hooks.routes(config.routes);
              ServerEdge.configure(config, settings, limits);
              ServerEdge.routes(config.routes);
              config.routes.error(
                  404,
                  "*",
                  ctx -> {
                    if (!ctx.result().startsWith("{")) {
                      Problems.send(
                          ctx,
                          404,
                          "Not found",
                          "No resource at " + ctx.path() + "; see /openapi.json");
                    }
                  });
            });
    ServerEdge.headLikeGet(app);
    app.start(settings.host(), settings.port());
    return new PcdServer(app);
  }

  public int port() {
    return app.port();
  }

  /**
   * Starts assessing a bundled example call in process, unrecorded, on a thread of its own ({@link
   * Warmup}): what the first CDS Hooks call needs is loaded while the server starts.
   */
  public static Thread warmUp(KnowledgePack pack, java.time.Clock clock) {
    return Warmup.start(new AssessmentService(pack, Terminology.bundled(), clock), new Cards(pack));
  }

  /**
   * Calls this server's own patient-view service with the bundled example, then its health, over
   * HTTP; returns the two status codes (the launcher's training run for class-data sharing).
   */
  public java.util.List<Integer> callItself() throws java.io.IOException, InterruptedException {
    return Warmup.overHttp(port());
  }

  @Override
  public void close() {
    app.stop();
  }
}
