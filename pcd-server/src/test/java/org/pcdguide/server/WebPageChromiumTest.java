package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.server.fixture.StartedServer;
import org.pcdguide.testkit.NeedsChromium;

/**
 * The clinician page in real headless Chromium, driven through ChromeDriver's W3C WebDriver
 * protocol: load the example, assess, see the recommendation and the avoid flag; the screenshot
 * goes to target/ (and to docs/web-report.png with -Dgolden.update=true).
 */
@NeedsChromium
class WebPageChromiumTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private String driver;
  private String session;

  private JsonNode call(String method, String path, JsonNode body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(driver + path))
            .header("Content-Type", "application/json");
    b =
        switch (method) {
          case "POST" ->
              b.POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.toString()));
          case "DELETE" -> b.DELETE();
          default -> b.GET();
        };
    return JSON.readTree(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()).body())
        .get("value");
  }

  private String find(String css) throws Exception {
    ObjectNode by = JSON.createObjectNode().put("using", "css selector").put("value", css);
    return call("POST", "/session/" + session + "/element", by).elements().next().asText();
  }

  /** The text of the element once the page has rendered it (up to 10 s), else "". */
  private String awaitText(String css) throws Exception {
    for (int i = 0; i < 100; i++) {
      Thread.sleep(100);
      JsonNode found =
          call(
              "POST",
              "/session/" + session + "/elements",
              JSON.createObjectNode().put("using", "css selector").put("value", css));
      if (found.size() > 0) {
        return text(css);
      }
    }
    return "";
  }

  /** Runs a script in the page with its arguments; returns its result. */
  private JsonNode script(String js, String... args) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("script", js);
    var a = body.putArray("args");
    for (String arg : args) {
      a.add(arg);
    }
    return call("POST", "/session/" + session + "/execute/sync", body);
  }

  /**
   * Puts a case into the page's case box, assesses it, and waits for a summary with {@code want}.
   */
  private String assessAndAwaitSummary(String caseJson, String want) throws Exception {
    if (caseJson != null) {
      script("document.getElementById('case').value = arguments[0];", caseJson);
    }
    call("POST", "/session/" + session + "/element/" + find("#assess") + "/click", null);
    String summary = "";
    for (int i = 0; i < 100 && !summary.contains(want); i++) {
      Thread.sleep(100);
      summary = text("#summary");
    }
    return summary;
  }

  /** The summary lines the server words for a case (the JSON "summary"), as the page must show. */
  private static List<String> summaryLines(byte[] input) {
    var pack = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
    var c =
        new org.pcdguide.core.cases.CaseReader(pack.vocabulary())
            .read("case.yaml", input, Optional.empty());
    var a = org.pcdguide.core.engine.Engine.assess(c, pack, c.asOf().orElseThrow());
    return org.pcdguide.core.render.ReportView.of(a, pack).summary().lines().stream()
        .map(org.pcdguide.core.render.Summary.Line::text)
        .toList();
  }

  /** The page's summary block against its golden file (-Dgolden.update=true rewrites it). */
  private static void golden(String name, String actual) throws IOException {
    Path file = Path.of("src/test/resources/golden-web").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual + "\n");
    }
    assertThat(actual + "\n")
        .as("golden file " + file + " (regenerate with -Dgolden.update=true)")
        .isEqualTo(Files.readString(file));
  }

  private String text(String css) throws Exception {
    return call("GET", "/session/" + session + "/element/" + find(css) + "/text", null).asText();
  }

  /** The full-report link of the first card patient-view gives for the example FHIR Bundle. */
  private static String reportLink(int port) throws Exception {
    JsonNode bundle =
        JSON.readTree(Files.readString(Path.of("../examples/poems-disseminated.fhir.json")));
    ObjectNode request =
        JSON.createObjectNode()
            .put("hook", "patient-view")
            .put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    request.putObject("context").put("userId", "Practitioner/1").put("patientId", "example");
    request.putObject("prefetch").set("everything", bundle);
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/cds-services/pcd-patient-view"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode link = JSON.readTree(r.body()).at("/cards/0/links/0");
    assertThat(link.path("label").asText()).contains("Full PCD Guide report");
    assertThat(link.path("url").asText()).matches("http://.*/#report=[A-Za-z0-9_-]{22}");
    return link.path("url").asText();
  }

  /** Starts ChromeDriver and a headless Chromium session (profile in {@code profile}). */
  private Process startBrowser(Path profile) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process chromedriver =
        new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
            .redirectErrorStream(true)
            .start();
    driver = "http://127.0.0.1:" + port;
    for (int i = 0; i < 100; i++) {
      try {
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(driver + "/status")).build(),
            HttpResponse.BodyHandlers.ofString());
        break;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode options =
        caps.putObject("capabilities")
            .putObject("alwaysMatch")
            .put("browserName", "chrome")
            .putObject("goog:chromeOptions");
    options.put("binary", "/usr/bin/chromium");
    var args = options.putArray("args");
    for (String a :
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1600",
            "--user-data-dir=" + profile)) {
      args.add(a);
    }
    session = call("POST", "/session", caps).get("sessionId").asText();
    return chromedriver;
  }

  @Test
  void clinicianPage_assessTheExample_seeRecommendationAndAvoidFlag(@TempDir Path profile)
      throws Exception {
    Process chromedriver = startBrowser(profile);
    try (StartedServer server = StartedServer.builder().embeddedAudit().start()) {
      try {
        call(
            "POST",
            "/session/" + session + "/url",
            JSON.createObjectNode().put("url", "http://127.0.0.1:" + server.port() + "/"));
        call("POST", "/session/" + session + "/element/" + find("#load-example") + "/click", null);
        call("POST", "/session/" + session + "/element/" + find("#assess") + "/click", null);
        String headline = awaitText("#headline");
        assertThat(headline).startsWith("Lenalidomide-dexamethasone");
        // issue 14 item 8: the summary block opens the report, the server's lines as given
        String summary = text("#summary");
        golden("poems-disseminated.summary.txt", summary);
        assertThat(summary.lines().skip(1).toList())
            .isEqualTo(
                summaryLines(Files.readAllBytes(Path.of("../examples/poems-disseminated.yaml"))));
        assertThat(
                script("return document.getElementById('report').firstElementChild.id;").asText())
            .isEqualTo("summary");
        String report = text("#report");
        assertThat(report.indexOf("Diagnosis: POEMS syndrome, criteria met."))
            .isNotNegative()
            .isLessThan(report.indexOf("Headline: Lenalidomide-dexamethasone"));
        assertThat(report.indexOf("CRITICAL: proposed Thalidomide is to be avoided"))
            .isLessThan(report.indexOf("Recommended options (ranked)"));
        assertThat(text("#flags"))
            .contains("CRITICAL: proposed Thalidomide is to be avoided for this patient")
            .contains("POEMS-AVOID-001");
        assertThat(text("#report"))
            .contains("grade low")
            .contains("Missing data that would change the answer");
        // a label and module conflict (it used to sit at line 215 of the text report) shows its
        // critical warning in the block; a conditional option shows what it holds if
        JsonNode conflict =
            YAML.readTree(
                    Path.of(
                            "../pcd-core/src/test/resources/cases/"
                                + "conflict-01-poems-and-scleromyxedema-criteria-met-ivig.yaml")
                        .toFile())
                .get("case");
        String conflictSummary =
            assessAndAwaitSummary(conflict.toString(), "CRITICAL: modules conflict");
        golden("conflict-01.summary.txt", conflictSummary);
        assertThat(conflictSummary)
            .contains("Diagnosis: POEMS syndrome, criteria met.")
            .contains("CRITICAL: modules conflict on ivig-high-dose")
            .contains(
                "The case is labelled mgus but the findings meet the POEMS syndrome criteria");
        JsonNode marrow =
            YAML.readTree(
                Path.of("../pcd-core/src/test/resources/golden/poems-missing-marrow.case.yaml")
                    .toFile());
        String marrowSummary = assessAndAwaitSummary(marrow.toString(), "Missing:");
        assertThat(marrowSummary).contains("conditional: holds if poems.extent = localized");
        assertThat(text("#report"))
            .contains(
                "Conditional: holds if poems.extent = localized; decided by"
                    + " bone-marrow-involvement");
        // back to the example for the screenshot
        call("POST", "/session/" + session + "/element/" + find("#load-example") + "/click", null);
        assessAndAwaitSummary(null, "Proposed Thalidomide");
        byte[] png =
            Base64.getDecoder()
                .decode(call("GET", "/session/" + session + "/screenshot", null).asText());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/web-report.png"), png);
        if (Boolean.getBoolean("golden.update")) {
          Files.write(Path.of("../docs/web-report.png"), png);
        }
        assertThat(png.length).isGreaterThan(10_000);

        // a patient-view card's "full report" link opens this patient's report on the page: the
        // page exchanges the link's token for the recorded call
        String link = reportLink(server.port());
        call(
            "POST",
            "/session/" + session + "/url",
            JSON.createObjectNode().put("url", "about:blank"));
        call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", link));
        String fromLink = awaitText("#headline");
        assertThat(fromLink).startsWith("Lenalidomide-dexamethasone");
        assertThat(text("#flags")).contains("POEMS-AVOID-001");
      } finally {
        call("DELETE", "/session/" + session, null);
      }
    } finally {
      chromedriver.destroy();
    }
  }

  /**
   * What a page from {@code origin}'s server gets when its script fetches {@code url}: "ok" and the
   * number of CDS services, or "blocked" and the browser's error.
   */
  private String fetchFrom(String pageUrl, String url) throws Exception {
    call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", pageUrl));
    ObjectNode script =
        JSON.createObjectNode()
            .put(
                "script",
                "const done = arguments[arguments.length - 1];"
                    + " fetch(arguments[0]).then((r) => r.json())"
                    + ".then((j) => done('ok ' + j.services.length))"
                    + ".catch((e) => done('blocked ' + e));");
    script.putArray("args").add(url);
    return call("POST", "/session/" + session + "/execute/async", script).asText();
  }

  @Test
  void cdsDiscovery_fromAnotherOriginsPage_isReadableOnlyWhenThatOriginIsConfigured(
      @TempDir Path profile) throws Exception {
    // the EHR's page: another origin (another port), served by a second tiny server
    Javalin ehr =
        Javalin.create(
                c -> {
                  c.startup.showJavalinBanner = false;
                  c.routes.get(
                      "/",
                      ctx ->
                          ctx.contentType("text/html")
                              .result("<!doctype html><title>EHR</title><p>EHR page</p>"));
                })
            .start("127.0.0.1", 0);
    String ehrOrigin = "http://127.0.0.1:" + ehr.port();
    Process chromedriver = startBrowser(profile);
    try (StartedServer open =
            StartedServer.builder().access(new BrowserAccess(List.of(ehrOrigin))).start();
        StartedServer closed = StartedServer.builder().start()) {
      try {
        assertThat(fetchFrom(ehrOrigin + "/", "http://127.0.0.1:" + open.port() + "/cds-services"))
            .isEqualTo("ok 3");
        assertThat(
                fetchFrom(ehrOrigin + "/", "http://127.0.0.1:" + closed.port() + "/cds-services"))
            .startsWith("blocked TypeError");
      } finally {
        call("DELETE", "/session/" + session, null);
      }
    } finally {
      chromedriver.destroy();
      ehr.stop();
    }
  }
}
