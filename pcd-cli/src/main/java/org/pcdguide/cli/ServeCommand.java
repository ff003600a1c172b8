package org.pcdguide.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.pcdguide.server.PcdServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd serve}: the REST API on one port until the process is stopped. */
@Command(
    name = "serve",
    description =
        "Serve the REST API (POST /api/assess, /api/knowledge, /api/vocabulary, /health, /openapi.json).",
    mixinStandardHelpOptions = true)
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Pcd pcd;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--max-request-bytes",
      defaultValue = "1048576",
      description = "Largest accepted request body (default: ${DEFAULT-VALUE}).")
  long maxRequestBytes;

  @Option(
      names = "--fhir-server",
      paramLabel = "URL",
      description =
          "A FHIR server base URL that CDS Hooks calls may make this server fetch missing prefetch from (repeatable; none by default).")
  java.util.List<String> fhirServers = new java.util.ArrayList<>();

  @Option(
      names = "--trust-issuer",
      paramLabel = "ISS=JWKS_FILE",
      description =
          "Accept CDS Hooks JWTs from issuer ISS, verified with the public keys in JWKS_FILE (repeatable).")
  java.util.Map<String, java.nio.file.Path> issuers = new java.util.LinkedHashMap<>();

  @Option(
      names = "--trust-issuer-jku",
      paramLabel = "ISS=JWKS_URL",
      description =
          "Accept CDS Hooks JWTs from issuer ISS whose jku header names exactly JWKS_URL (repeatable,"
              + " also for several URLs per issuer; http or https, no user info or fragment). Keys"
              + " are fetched from it (5 s timeout, 64 KiB at most, public keys only) and cached"
              + " for 10 minutes. Any other jku is refused; tokens without jku use --trust-issuer.")
  java.util.List<String> issuerJkus = new java.util.ArrayList<>();

  @Option(
      names = "--insecure-no-auth",
      description =
          "Development only: accept CDS Hooks calls without a JWT. Off by default; refused unless"
              + " --host is a loopback address; logged loudly when on.")
  boolean insecureNoAuth;

  @picocli.CommandLine.Mixin AuditStoreOptions store;

  @Option(
      names = "--cors-origin",
      paramLabel = "ORIGIN",
      description =
          "A web origin (scheme://host[:port]) whose pages may call the CDS Hooks endpoints from a"
              + " browser (CORS; repeatable; none by default). '*' (any origin) is refused unless"
              + " --insecure-no-auth is given.")
  java.util.List<String> corsOrigins = new java.util.ArrayList<>();

  @Option(
      names = "--max-token-lifetime",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "The longest CDS client token lifetime accepted (exp - iat; default: ${DEFAULT-VALUE},"
              + " as CDS Hooks recommends; 1 to 3600). Older tokens (iat) are refused too.")
  long maxTokenSeconds;

  @Option(
      names = "--report-link-hours",
      paramLabel = "HOURS",
      defaultValue = "24",
      description =
          "How long a CDS Hooks card's full-report link works after the call (default:"
              + " ${DEFAULT-VALUE} hours). The link names the recorded call by a random token.")
  long reportLinkHours;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "The base URL EHRs call when a TLS-terminating proxy stands in front of this server"
              + " (e.g. https://cds.example.org): CDS clients' JWT audience is checked against it"
              + " and cards link to it. Default: the request's own scheme and Host.")
  String publicUrl;

  @Option(
      names = "--body-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long a request body may take to arrive in full once its headers have (default:"
              + " ${DEFAULT-VALUE}); a slower client gets a 408 problem and its connection is"
              + " closed. Bodies are read without holding a server thread.")
  long bodyTimeoutSeconds;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long a connection may stay silent before it is closed (default: ${DEFAULT-VALUE}).")
  long idleTimeoutSeconds;

  @Option(
      names = "--max-connections-per-client",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "The most connections one client address may hold open (default: ${DEFAULT-VALUE}; 0 ="
              + " no limit). Behind a reverse proxy every call comes from the proxy's address:"
              + " raise it, or limit clients at the proxy and set 0.")
  int maxConnectionsPerClient;

  @Option(
      names = "--exit-after-warm-up",
      hidden = true,
      description =
          "Start, call the server's own patient-view service once with the bundled example, then"
              + " stop (exit 0 when it answered 200): the pcd launcher's training run for the"
              + " class-data archive of serve.")
  boolean exitAfterWarmUp;

  /** The pack the loader thread gives, or its failure as thrown by loading it here. */
  private static org.pcdguide.core.knowledge.KnowledgePack loaded(
      java.util.concurrent.CompletableFuture<org.pcdguide.core.knowledge.KnowledgePack> loading)
      throws InterruptedException {
    try {
      return loading.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e.getCause();
    }
  }

  /** {@code --exit-after-warm-up}: one call to itself, then stop; 0 when it answered 200. */
  private int trainingRun(PcdServer server, org.pcdguide.server.AuditLog audit)
      throws InterruptedException {
    try {
      java.util.List<Integer> status = server.callItself();
      spec.commandLine().getOut().println("pcd: warm-up call answered " + status);
      return status.equals(java.util.List.of(200, 200)) ? Pcd.OK : Pcd.INTERNAL;
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("pcd: warm-up call failed: " + e.getMessage());
      return Pcd.INTERNAL;
    } finally {
      server.close();
      audit.close();
    }
  }

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "" + org.pcdguide.server.ConnectionLimits.DEFAULT_THREADS,
      description =
          "The most threads serving requests at once (default: ${DEFAULT-VALUE}; 4 to 1024)."
              + " Bodies arrive without holding one; a call holds one until its audit record is"
              + " committed.")
  int threads;

  /** The connection limits the options give; refused (exit 2) when out of range. */
  private org.pcdguide.server.ConnectionLimits limits() {
    if (bodyTimeoutSeconds < 1 || bodyTimeoutSeconds > 3600) {
      throw new UsageException(
          "--body-timeout: '" + bodyTimeoutSeconds + "' is not between 1 and 3600 seconds");
    }
    if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > 3600) {
      throw new UsageException(
          "--idle-timeout: '" + idleTimeoutSeconds + "' is not between 1 and 3600 seconds");
    }
    if (maxConnectionsPerClient < 0) {
      throw new UsageException(
          "--max-connections-per-client: '"
              + maxConnectionsPerClient
              + "' is not 0 (no limit) or more");
    }
    if (threads < 4 || threads > 1024) {
      throw new UsageException("--threads: '" + threads + "' is not between 4 and 1024");
    }
    return new org.pcdguide.server.ConnectionLimits(
        java.time.Duration.ofSeconds(bodyTimeoutSeconds),
        java.time.Duration.ofSeconds(idleTimeoutSeconds),
        maxConnectionsPerClient,
        threads);
  }

  /**
   * Refuses {@code --insecure-no-auth} unless the server binds a loopback address only: anyone on
   * the network could otherwise call the CDS services as any clinician would.
   */
  private void checkInsecureBind() {
    if (!insecureNoAuth) {
      return;
    }
    boolean loopback;
    try {
      loopback = java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      throw new UsageException(
          "--insecure-no-auth is refused with --host "
              + host
              + ": without authentication the server may listen on a loopback address only"
              + " (127.0.0.1, ::1, localhost)");
    }
  }

  /** The CORS origins; any origin only without authentication, else refused at start. */
  private org.pcdguide.server.BrowserAccess browserAccess() {
    org.pcdguide.server.BrowserAccess access;
    try {
      access = new org.pcdguide.server.BrowserAccess(corsOrigins);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--cors-origin: " + e.getMessage());
    }
    if (access.allowsAny() && !insecureNoAuth) {
      throw new UsageException(
          "--cors-origin '*' is refused: any web page could call the CDS services with a"
              + " clinician's browser; name the EHR's origins (e.g. --cors-origin"
              + " https://ehr.example.org), or use '*' only with --insecure-no-auth");
    }
    return access;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port: '" + port + "' is not a port number");
    }
    if (reportLinkHours < 1 || reportLinkHours > 24L * 366) {
      throw new UsageException(
          "--report-link-hours: '" + reportLinkHours + "' is not between 1 and 8784 (a year)");
    }
    if (publicUrl != null) {
      try {
        org.pcdguide.server.PcdServer.Settings.checkPublicUrl(publicUrl);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--public-url: " + e.getMessage());
      }
    }
    java.util.Map<String, java.util.List<java.net.URI>> jkus = new java.util.LinkedHashMap<>();
    for (String issuerJku : issuerJkus) {
      int eq = issuerJku.indexOf('=');
      try {
        if (eq <= 0) {
          throw new java.net.URISyntaxException(issuerJku, "expected ISS=JWKS_URL");
        }
        jkus.computeIfAbsent(issuerJku.substring(0, eq), k -> new java.util.ArrayList<>())
            .add(new java.net.URI(issuerJku.substring(eq + 1)));
      } catch (java.net.URISyntaxException ex) {
        throw new UsageException("--trust-issuer-jku '" + issuerJku + "': " + ex.getMessage());
      }
    }
    java.util.List<org.pcdguide.server.TrustedIssuer> trusted;
    try {
      trusted = org.pcdguide.server.TrustedIssuer.configured(issuers, jkus);
    } catch (IllegalArgumentException ex) {
      throw new UsageException("--trust-issuer/--trust-issuer-jku: " + ex.getMessage());
    }
    if (maxTokenSeconds < 1 || maxTokenSeconds > 3600) {
      throw new UsageException(
          "--max-token-lifetime: '" + maxTokenSeconds + "' is not between 1 and 3600 seconds");
    }
    checkInsecureBind();
    org.pcdguide.server.ConnectionLimits limits = limits();
    org.pcdguide.server.BrowserAccess access = browserAccess();
    // the pack loads on a thread of its own while the audit store opens (issue 16: cold start)
    java.util.concurrent.CompletableFuture<org.pcdguide.core.knowledge.KnowledgePack> loading =
        new java.util.concurrent.CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                loading.complete(pcd.pack());
              } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
              }
            },
            "pcd-pack-loader");
    loader.setDaemon(true);
    loader.start();
    org.pcdguide.server.AuditLog audit = store.open(false, pcd.env());
    org.pcdguide.core.knowledge.KnowledgePack pack = loaded(loading);
    org.pcdguide.server.PcdServer.warmUp(pack, pcd.clock());
    java.util.Optional<org.pcdguide.server.JwtAuthenticator> auth =
        insecureNoAuth
            ? java.util.Optional.empty()
            : java.util.Optional.of(
                new org.pcdguide.server.JwtAuthenticator(
                    trusted,
                    pcd.clock(),
                    java.time.Duration.ofSeconds(maxTokenSeconds),
                    audit.seenTokens()));
    if (insecureNoAuth) {
      spec.commandLine()
          .getErr()
          .println(
              "pcd: WARNING: CDS Hooks authentication is OFF (--insecure-no-auth);"
                  + " never use this outside a local demo");
      spec.commandLine().getErr().flush();
    }
    PcdServer server =
        PcdServer.start(
            pack,
            new PcdServer.Settings(
                host,
                port,
                maxRequestBytes,
                fhirServers,
                auth,
                java.util.Optional.of(audit),
                java.time.Duration.ofHours(reportLinkHours),
                java.util.Optional.ofNullable(publicUrl),
                pcd.clock()),
            limits,
            access);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pcd: serving on http://"
            + host
            + ":"
            + server.port()
            + " (knowledge "
            + pack.version()
            + ")");
    out.flush();
    if (exitAfterWarmUp) {
      return trainingRun(server, audit);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return Pcd.OK;
  }
}
