package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.app.AsOf;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;

/**
 * The CDS Hooks request handler under coverage-guided fuzzing (issue 15), in process: a request
 * body goes through the handler's steps (JSON, hook, {@code context.patientId}, prefetch, draft
 * orders, cards) as {@link CdsHooks} takes them, without the HTTP layer, which CdsHooksTest covers.
 * Every body gives cards (JSON with a {@code cards} array), or one of the handler's refusals (400
 * malformed, 412 nothing to assess, 422 {@link CaseFormatException} naming the field); never
 * another exception, a hang or an out-of-memory. The body's {@code hook} picks the service.
 */
class CdsRequestFuzzTest {
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final AssessmentService SERVICE =
      new AssessmentService(PACK, Terminology.bundled(), AsOf.given(AS_OF).clock());
  private static final Cards CARDS = new Cards(PACK);
  private static final Prefetch NO_FHIR_SERVER = new Prefetch(List.of());
  private static final Map<String, String> SERVICE_OF_HOOK =
      Map.of(
          "patient-view", "pcd-patient-view",
          "order-select", "pcd-order-select",
          "order-sign", "pcd-order-sign");

  @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
  void service(byte[] body) throws IOException {
    JsonNode request;
    try {
      request = Problems.JSON.readTree(body);
    } catch (IOException e) {
      return; // 400 "The body is not JSON"
    }
    if (request == null || !request.isObject()) {
      return; // 400
    }
    String id = SERVICE_OF_HOOK.getOrDefault(request.path("hook").asText(), "pcd-patient-view");
    if (!CdsHooks.SERVICES.get(id).equals(request.path("hook").asText())) {
      return; // 400 "hook must be ..."
    }
    String patientId = request.at("/context/patientId").asText("");
    if (patientId.isEmpty()) {
      return; // 400 "context.patientId is required"
    }
    List<JsonNode> resources = new ArrayList<>();
    Optional<String> fetchProblem = NO_FHIR_SERVER.collect(request, patientId, resources);
    if (fetchProblem.isPresent()) {
      assertThat(fetchProblem.get()).as("a 412 says what is missing").isNotBlank();
      return;
    }
    List<JsonNode> drafts = new ArrayList<>();
    request.at("/context/draftOrders/entry").forEach(e -> drafts.add(e.path("resource")));
    drafts.removeIf(r -> !r.isObject());
    CdsCall call =
        new CdsCall(
            id,
            request.path("hookInstance").asText(""),
            "https://cds.example.org",
            AS_OF,
            resources,
            drafts);
    try {
      String output = call.cards(SERVICE, CARDS, "https://cds.example.org/report");
      assertThat(Problems.JSON.readTree(output).path("cards").isArray())
          .as("the response is a cards array")
          .isTrue();
    } catch (CaseFormatException e) {
      assertThat(e.problems()).as("a 422 names what cannot be read").isNotEmpty();
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
  }
}
