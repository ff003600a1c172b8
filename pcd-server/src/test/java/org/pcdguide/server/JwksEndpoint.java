package org.pcdguide.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An issuer's JWKS endpoint for jku tests, on 127.0.0.1 and an ephemeral port: each path answers a
 * status and body set by the test (404 otherwise) and counts how often it was fetched.
 */
final class JwksEndpoint implements AutoCloseable {
  private record Answer(int status, String body, boolean stall) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

  private JwksEndpoint(HttpServer server) {
    this.server = server;
  }

  static JwksEndpoint start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    JwksEndpoint endpoint = new JwksEndpoint(server);
    server.createContext("/", endpoint::answer);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "jwks-endpoint");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    return endpoint;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Answer {@code path} with 200 and this JSON from now on. */
  void serve(String path, String json) {
    serve(path, 200, json);
  }

  void serve(String path, int status, String body) {
    answers.put(path, new Answer(status, body, false));
  }

  /**
   * Answer {@code path} with 200 and the start of a JWKS, then nothing for 10 s (a stalled peer).
   */
  void serveStalling(String path) {
    answers.put(path, new Answer(200, "{\"keys\": [", true));
  }

  int fetches(String path) {
    AtomicInteger n = fetches.get(path);
    return n == null ? 0 : n.get();
  }

  /** Every path fetched so far, query included. */
  Set<String> fetched() {
    return Set.copyOf(fetches.keySet());
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    fetches
        .computeIfAbsent(query == null ? path : path + "?" + query, p -> new AtomicInteger())
        .incrementAndGet();
    Answer notFound = new Answer(404, "", false);
    Answer answer = query == null ? answers.getOrDefault(path, notFound) : notFound;
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(
        answer.status(), answer.stall() ? 1000 : body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
      if (answer.stall()) {
        out.flush();
        Thread.sleep(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
