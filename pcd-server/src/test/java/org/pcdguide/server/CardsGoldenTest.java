package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;

/**
 * Golden CDS Hooks cards (patient-view and order-sign) for the golden report cases of pcd-core, so
 * that what an EHR shows is pinned byte for byte like the text, Markdown and JSON reports.
 * Regenerate only on purpose, with {@code -Dgolden.update=true}, and review the diff.
 */
class CardsGoldenTest {
  private static final Path CASES = Path.of("../pcd-core/src/test/resources/golden");
  private static final Path GOLDEN = Path.of("src/test/resources/golden-cards");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final KnowledgePack PACK =
      YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
  private static final String BASE = "https://cds.example.org";
  private static final String REPORT = BASE + "/#report=golden-token";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "poems-disseminated",
        "poems-localized",
        "poems-missing-marrow",
        "plasmacytosis-systemic",
        "scleromyxedema-dns",
        "myeloma-soft-tissue-emp"
      })
  void cards_matchGoldenFiles(String name) throws IOException {
    byte[] input = Files.readAllBytes(CASES.resolve(name + ".case.yaml"));
    PatientCase c = new CaseReader(PACK.vocabulary()).read(name, input, Optional.empty());
    Assessment a = Engine.assess(c, PACK, c.asOf().orElseThrow());
    Cards cards = new Cards(PACK);
    String hook = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";
    compare(
        name + ".patient-view.json",
        wrap(cards.patientView(a, CardIds.nameBased(hook), BASE, REPORT)));
    Map<String, String> orders = new LinkedHashMap<>();
    int n = 0;
    for (String id : c.proposed()) {
      orders.put("MedicationRequest/order-" + (++n), id);
    }
    compare(
        name + ".order-sign.json",
        wrap(cards.orders(a, orders, CardIds.nameBased(hook), BASE, REPORT)));
  }

  private static String wrap(com.fasterxml.jackson.databind.node.ArrayNode list)
      throws IOException {
    ObjectNode response = Problems.JSON.createObjectNode();
    response.set("cards", list);
    return Problems.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response) + "\n";
  }

  private static void compare(String file, String actual) throws IOException {
    Path golden = GOLDEN.resolve(file);
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden)
        .as("golden file " + file + " (regenerate with -Dgolden.update=true)")
        .exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
