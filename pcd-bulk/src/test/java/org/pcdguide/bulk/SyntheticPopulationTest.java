package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.engine.Screening;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.JsonResourceCaseSource;
import org.pcdguide.fhir.Terminology;

class SyntheticPopulationTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A few thousand by default (the door is slow); larger runs: -Dpcd.synthetic.patients=N. */
  private static final int PATIENTS = Integer.getInteger("pcd.synthetic.patients", 3_000);

  private static final long SEED = Long.getLong("pcd.synthetic.seed", 20261102L);

  @TempDir static Path population;
  private static SyntheticPopulation.Result result;

  @BeforeAll
  static void writePopulation() throws IOException {
    result = SyntheticPopulation.write(population, PATIENTS, SEED, false, AS_OF);
  }

  @Test
  void write_sameSeedTwice_byteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws Exception {
    SyntheticPopulation.write(a, 1_500, 7L, false, AS_OF);
    SyntheticPopulation.write(b, 1_500, 7L, false, AS_OF);

    assertThat(digests(b)).isEqualTo(digests(a)).containsKeys("Patient.000.ndjson");
    assertThat(digests(a).keySet()).noneMatch(name -> name.endsWith(".tmp"));
  }

  @Test
  void write_morePatientsThanAFileHolds_numberedFilesInOrder(@TempDir Path dir) throws IOException {
    SyntheticPopulation.Result r = SyntheticPopulation.write(dir, 250, 3L, true, AS_OF, 100);

    assertThat(r.files())
        .extracting(p -> p.getFileName().toString())
        .contains("Patient.000.ndjson.gz", "Patient.001.ndjson.gz", "Patient.002.ndjson.gz")
        .doesNotContain("Patient.003.ndjson.gz");
    assertThat(text(dir.resolve("Patient.001.ndjson.gz"))).hasSize(100);
    List<String> ids = new ArrayList<>();
    for (String part : List.of("000", "001", "002")) {
      lines(dir.resolve("Patient." + part + ".ndjson.gz"))
          .forEach(p -> ids.add(p.get("id").asText()));
    }
    List<String> expected = new ArrayList<>();
    lines(dir.resolve("expected.jsonl")).forEach(l -> expected.add(l.get("patient").asText()));
    assertThat(ids).hasSize(250).isSorted().isEqualTo(expected);
    long observations = 0;
    for (Path file : r.files()) {
      if (file.getFileName().toString().startsWith("Observation.")) {
        observations += text(file).size();
      }
    }
    assertThat(observations).isEqualTo(r.resources().get("Observation"));
  }

  @Test
  void write_differentSeed_differentFiles(@TempDir Path a, @TempDir Path b) throws Exception {
    SyntheticPopulation.write(a, 1_500, 7L, false, AS_OF);
    SyntheticPopulation.write(b, 1_500, 8L, false, AS_OF);

    Map<String, String> first = digests(a);
    Map<String, String> second = digests(b);
    assertThat(second.get("Patient.000.ndjson")).isNotEqualTo(first.get("Patient.000.ndjson"));
    assertThat(second.get("expected.jsonl")).isNotEqualTo(first.get("expected.jsonl"));
  }

  @Test
  void write_smallPopulation_everyPlantedCategoryAtLeastThreeTimes() {
    for (SyntheticCategory c : SyntheticCategory.PLANTED) {
      assertThat(result.categories().get(c.id)).as(c.id).isGreaterThanOrEqualTo(3);
    }
    assertThat(result.categories().get("background")).isGreaterThan(PATIENTS * 3 / 4);
    assertThat(result.categories().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(PATIENTS);
  }

  @Test
  void screen_everyPatient_findsExactlyTheExpectedFindings() throws IOException {
    KnowledgePack pack = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
    JsonResourceCaseSource door =
        new JsonResourceCaseSource(pack.vocabulary(), Terminology.bundled());
    Map<String, List<JsonNode>> byPatient = byPatient(population);
    List<String> mismatches = new ArrayList<>();
    int wrong = 0;
    Map<String, Integer> checked = new TreeMap<>();
    for (JsonNode line : lines(population.resolve("expected.jsonl"))) {
      String id = line.get("patient").asText();
      String category = line.get("category").asText();
      Set<String> expected = new TreeSet<>();
      line.get("findings").forEach(f -> expected.add(f.asText()));
      PatientCase c = door.read(id, byPatient.get(id), Optional.of(AS_OF));
      Screening s = Engine.screen(c, pack, AS_OF);
      Set<String> actual = new TreeSet<>();
      s.hits().forEach(h -> actual.add(h.finding()));
      checked.merge(category, 1, Integer::sum);
      if (!actual.equals(expected) && wrong++ < 10) {
        List<String> because = new ArrayList<>();
        s.hits().forEach(h -> because.add(h.finding() + " because " + h.because()));
        mismatches.add(
            id + " (" + category + "): expected " + expected + ", got " + actual + " " + because);
      }
    }

    assertThat(mismatches)
        .as(
            wrong
                + " of "
                + PATIENTS
                + " patients differ; the first:\n"
                + String.join("\n", mismatches))
        .isEmpty();
    assertThat(checked)
        .isEqualTo(
            result.categories().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void write_gzip_readsBackToTheSameLines(@TempDir Path plain, @TempDir Path gzip)
      throws IOException {
    SyntheticPopulation.Result p = SyntheticPopulation.write(plain, 1_000, 11L, false, AS_OF);
    SyntheticPopulation.Result g = SyntheticPopulation.write(gzip, 1_000, 11L, true, AS_OF);

    assertThat(g.resources()).isEqualTo(p.resources());
    for (Path file : p.files()) {
      String name = file.getFileName().toString();
      if (name.endsWith(".ndjson") && !name.equals("expected.jsonl")) {
        Path compressed = gzip.resolve(name + ".gz");
        assertThat(g.files()).contains(compressed);
        assertThat(text(compressed)).as(name).isEqualTo(text(file));
      }
    }
  }

  @Test
  void write_everyLine_parsesAndReferencesAnExistingPatient() throws IOException {
    Set<String> patients = new HashSet<>();
    Set<String> ids = new HashSet<>();
    List<JsonNode> others = new ArrayList<>();
    Map<String, Long> counted = new TreeMap<>();
    for (Path file : result.files()) {
      String name = file.getFileName().toString();
      if (name.equals("expected.jsonl") || name.equals("synth.json")) {
        continue;
      }
      String type = name.substring(0, name.indexOf('.'));
      for (JsonNode r : lines(file)) {
        assertThat(r.get("resourceType").asText()).isEqualTo(type);
        assertThat(ids.add(type + "/" + r.get("id").asText())).as("unique id").isTrue();
        counted.merge(type, 1L, Long::sum);
        if (type.equals("Patient")) {
          patients.add(r.get("id").asText());
        } else {
          others.add(r);
        }
      }
    }
    List<String> dangling = new ArrayList<>();
    for (JsonNode r : others) {
      if (!patients.contains(patientOf(r))) {
        dangling.add(r.get("resourceType").asText() + "/" + r.get("id").asText());
      }
    }
    assertThat(dangling).as("resources referencing no patient").isEmpty();
    assertThat(patients).hasSize(PATIENTS);
    assertThat(counted).containsAllEntriesOf(nonZero(result.resources()));
    assertThat(counted.keySet())
        .contains("Encounter", "Immunization", "MedicationStatement", "Procedure");

    List<String> expectedOrder = new ArrayList<>();
    lines(population.resolve("expected.jsonl"))
        .forEach(l -> expectedOrder.add(l.get("patient").asText()));
    assertThat(expectedOrder).isSorted().hasSize(PATIENTS);
    assertThat(new HashSet<>(expectedOrder)).isEqualTo(patients);
    JsonNode synth = JSON.readTree(population.resolve("synth.json").toFile());
    assertThat(synth.get("patients").asInt()).isEqualTo(PATIENTS);
    assertThat(synth.get("asOf").asText()).isEqualTo(AS_OF.toString());
    assertThat(synth.get("resources").get("Observation").asLong())
        .isEqualTo(result.resources().get("Observation"));
  }

  private static Map<String, Long> nonZero(Map<String, Long> counts) {
    Map<String, Long> out = new TreeMap<>(counts);
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private static Map<String, List<JsonNode>> byPatient(Path dir) throws IOException {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".ndjson") || name.equals("expected.jsonl")) {
          continue;
        }
        for (JsonNode r : lines(file)) {
          // as the bulk screener: only the types the door reads (a VEGF result's Specimen is
          // skipped, so its specimen comes from the reference's display)
          if (ResourceLine.READ.contains(r.get("resourceType").asText())) {
            out.computeIfAbsent(patientOf(r), k -> new ArrayList<>()).add(r);
          }
        }
      }
    }
    return out;
  }

  private static String patientOf(JsonNode r) {
    if (r.get("resourceType").asText().equals("Patient")) {
      return r.get("id").asText();
    }
    JsonNode ref = r.has("subject") ? r.get("subject") : r.get("patient");
    String reference = ref.get("reference").asText();
    assertThat(reference).startsWith("Patient/");
    return reference.substring("Patient/".length());
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static List<String> text(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  private static Map<String, String> digests(Path dir)
      throws IOException, NoSuchAlgorithmException {
    Map<String, String> out = new TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        out.put(
            file.getFileName().toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
      }
    }
    return out;
  }
}
