package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.server.AuditLog;

/**
 * The audit record is committed before the response is sent: a real {@code pcd serve} process is
 * killed with SIGKILL during a burst of requests, and every response that came back has its record.
 */
class AuditDurabilityTest {
  @Test
  void killDashNineDuringABurst_everyAnsweredRequestHasItsRecord(@TempDir Path data)
      throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                "org.pcdguide.cli.Pcd",
                "serve",
                "--port",
                "0",
                "--insecure-no-auth",
                "--data-dir",
                data.toString())
            .redirectErrorStream(true)
            .start();
    String port;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("pcd: serving on"));
      assertThat(line).as("server start line").isNotNull();
      port = line.replaceAll(".*:(\\d+) .*", "$1");
      ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
      HttpClient client = HttpClient.newHttpClient();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      byte[] body =
          java.nio.file.Files.readAllBytes(Path.of("../examples/poems-disseminated.yaml"));
      for (int i = 0; i < 400; i++) {
        pool.submit(
            () -> {
              try {
                HttpResponse<String> r =
                    client.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/assess"))
                            .header("Content-Type", "application/yaml")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                  answered.add(r.headers().firstValue("X-PCD-Audit-Id").orElseThrow());
                }
              } catch (Exception e) {
                // the server was killed: this request got no answer, so it owes no record
              }
              return null;
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (answered.size() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.destroyForcibly(); // SIGKILL on Linux
      server.waitFor(10, TimeUnit.SECONDS);
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
      assertThat(answered.size()).as("answered before the kill").isGreaterThanOrEqualTo(40);
      AuditLog log = AuditLog.embedded(data);
      List<String> missing = answered.stream().filter(id -> log.get(id).isEmpty()).toList();
      assertThat(missing).as("answered requests without an audit record").isEmpty();
    } finally {
      server.destroyForcibly();
    }
  }
}
