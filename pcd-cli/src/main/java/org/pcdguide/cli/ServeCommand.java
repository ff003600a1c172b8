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

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port: '" + port + "' is not a port number");
    }
    PcdServer server =
        PcdServer.start(
            pcd.pack(), new PcdServer.Settings(host, port, maxRequestBytes, fhirServers));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pcd: serving on http://"
            + host
            + ":"
            + server.port()
            + " (knowledge "
            + pcd.pack().version()
            + ")");
    out.flush();
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
