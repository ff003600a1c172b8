package org.pcdguide.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcdguide.app.AsOf;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;

/**
 * One CDS Hooks patient-view call without HTTP and without the database, stage by stage: parse the
 * request, map, assess and write the cards, compress the call for the audit record (as the earlier
 * versions did, and as the request received), and all of it with the two hashes the record holds.
 * The request is {@code poems}: examples/poems-disseminated.fhir.json prefetched (17 resources, 8.4
 * kB, every deciding finding known), or {@code peer}: pcd-bench/load/peer-request.json, the request
 * the side-by-side script sends both servers (6 kB; undecided findings, so the answer splits into
 * branches and six cards). Run from the repository root; in the package of the server for its
 * package-private stages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// 20 s: on two cores C2 takes about 10 s to compile the call path; shorter warm-ups measure the
// compiler, with the spread between forks seen on 2026-12-07 (docs/benchmarks.md)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CdsCallBenchmark {
  KnowledgePack pack;
  AssessmentService service;
  Cards cards;
  byte[] request;

  @Param({"poems", "peer"})
  String requestName;

  CdsCall call;
  JsonNode parsed;

  @Setup
  public void setup() throws IOException {
    pack = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
    service =
        new AssessmentService(
            pack, Terminology.bundled(), AsOf.given(LocalDate.of(2026, 12, 3)).clock());
    cards = new Cards(pack);
    if (requestName.equals("peer")) {
      request = Files.readAllBytes(Path.of("pcd-bench/load/peer-request.json"));
    } else {
      ObjectNode r = Problems.JSON.createObjectNode();
      r.put("hook", "patient-view").put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
      r.putObject("context").put("userId", "Practitioner/1").put("patientId", "example");
      r.putObject("prefetch")
          .set(
              "everything",
              Problems.JSON.readTree(
                  Files.readString(Path.of("examples/poems-disseminated.fhir.json"))));
      request = r.toString().getBytes(StandardCharsets.UTF_8);
    }
    parsed = parse();
    call = call(parsed);
  }

  private CdsCall call(JsonNode request) {
    List<JsonNode> resources = new ArrayList<>();
    request.path("prefetch").forEach(v -> CdsHooks.add(v, resources));
    return new CdsCall(
        "pcd-patient-view",
        request.path("hookInstance").asText(),
        "https://cds.example.org",
        LocalDate.of(2026, 12, 3),
        resources,
        List.of());
  }

  @Benchmark
  public JsonNode parse() throws IOException {
    return Problems.JSON.readTree(request);
  }

  @Benchmark
  public CardsResponse mapAssessAndCards() {
    return call.response(service, cards, "https://cds.example.org/#report=AAAAAAAAAAAAAAAAAAAAAA");
  }

  @Benchmark
  public String recordedCall() {
    return call.encoded();
  }

  /** The request as received, Zstandard-compressed (how the audit log keeps a call since 16). */
  @Benchmark
  public RecordedCall.Stored recordedRequest() {
    return RecordedCall.of(call, request, parsed);
  }

  @Benchmark
  public String wholeCall() throws IOException {
    JsonNode json = parse();
    CdsCall c = call(json);
    CardsResponse output =
        c.response(service, cards, "https://cds.example.org/#report=" + "A".repeat(22));
    String recorded = RecordedCall.of(c, request, json).text();
    return AuditLog.sha256(recorded) + output.sha256();
  }
}
