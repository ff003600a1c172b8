package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.pcdguide.core.cases.CaseFormatException;

/**
 * The JSON door has no HAPI parser in front of it: resources with any value of any JSON type in any
 * field give a case or its own CaseFormatException, never another exception.
 */
class JsonResourcePropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SEED = seed();
  private static final JsonResourceCaseSource DOOR =
      new JsonResourceCaseSource(
          BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);
  private static final String[] TEXTS = {
    "",
    " ",
    "2019",
    "2019-04",
    "2020-13-45",
    "2020-01-01T23:30:00-05:00",
    "true",
    "yes",
    "1.5",
    "1e999",
    "abc",
    "final",
    "draft",
    "order",
    "completed",
    "refuted",
    "g/L",
    "mmol/L",
    "female",
    "Specimen/s1",
    "urn:uuid:1",
    "a/b",
    "complete"
  };

  private static String seed() {
    try {
      return Files.readString(Path.of("../examples/poems-disseminated.fhir.json"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 3000)
  void mutatedResources_onlyCaseFormatException(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    JsonNode bundle = JSON.readTree(SEED);
    List<JsonNode[]> slots = new ArrayList<>();
    slots(bundle, slots);
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      JsonNode[] slot = slots.get(random.nextInt(slots.size()));
      replace(slot[0], slot[1].asText(), value(random, slot[2]));
    }
    List<JsonNode> resources = new ArrayList<>();
    bundle.path("entry").forEach(e -> resources.add(e.path("resource")));
    try {
      assertThat(DOOR.read("m", resources, Optional.of(LocalDate.of(2026, 11, 1)))).isNotNull();
      assertThat(DOOR.orders("m", resources)).isNotNull();
    } catch (CaseFormatException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  /** Every field and array element: {parent, key or index, value}. */
  private static void slots(JsonNode node, List<JsonNode[]> out) {
    if (node instanceof ObjectNode o) {
      o.properties()
          .forEach(
              e -> {
                out.add(new JsonNode[] {o, NODES.textNode(e.getKey()), e.getValue()});
                slots(e.getValue(), out);
              });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new JsonNode[] {a, NODES.textNode(Integer.toString(i)), a.get(i)});
        slots(a.get(i), out);
      }
    }
  }

  private static JsonNode value(Random random, JsonNode was) {
    return switch (random.nextInt(8)) {
      case 0 -> NODES.textNode(TEXTS[random.nextInt(TEXTS.length)]);
      case 1 -> NODES.numberNode(random.nextInt(5) - 1);
      case 2 -> NODES.numberNode(random.nextDouble() * 1e3);
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.objectNode();
      case 5 -> NODES.arrayNode().add(was.deepCopy()).add(was.deepCopy());
      case 6 -> NODES.nullNode();
      default -> null; // removed
    };
  }

  private static void replace(JsonNode parent, String key, JsonNode value) {
    if (parent instanceof ObjectNode o) {
      if (value == null) {
        o.remove(key);
      } else {
        o.set(key, value);
      }
    } else if (parent instanceof ArrayNode a && Integer.parseInt(key) < a.size()) {
      if (value == null) {
        a.remove(Integer.parseInt(key));
      } else {
        a.set(Integer.parseInt(key), value);
      }
    }
  }
}
