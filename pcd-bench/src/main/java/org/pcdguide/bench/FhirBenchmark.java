package org.pcdguide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.FhirAssessmentWriter;
import org.pcdguide.fhir.HapiBundleCaseSource;
import org.pcdguide.fhir.Terminology;

/**
 * The FHIR door: parse + map + assess one patient Bundle (examples/poems-disseminated.fhir.json, 17
 * resources), and the FHIR output. Run from the repository root. Target: under 150 µs median.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class FhirBenchmark {
  KnowledgePack pack;
  HapiBundleCaseSource door;
  org.pcdguide.fhir.JsonResourceCaseSource jsonDoor;
  java.time.LocalDate asOf;
  static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  FhirAssessmentWriter writer;
  byte[] bundle;
  PatientCase patientCase;
  Assessment assessment;

  /** Resources in the Bundle: the full example (17) or its first 12 entries. */
  @org.openjdk.jmh.annotations.Param({"12", "17"})
  public int resources;

  @Setup
  public void setup() throws IOException {
    pack = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
    Terminology terminology = Terminology.bundled();
    door = new HapiBundleCaseSource(pack.vocabulary(), terminology);
    writer = new FhirAssessmentWriter(pack, terminology);
    byte[] full = Files.readAllBytes(Path.of("examples/poems-disseminated.fhir.json"));
    var parser = HapiBundleCaseSource.context().newJsonParser();
    var b =
        parser.parseResource(
            org.hl7.fhir.r4.model.Bundle.class,
            new String(full, java.nio.charset.StandardCharsets.UTF_8));
    while (b.getEntry().size() > resources) {
      b.getEntry().remove(b.getEntry().size() - 1);
    }
    bundle = parser.encodeResourceToString(b).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    patientCase = door.read("bench.json", bundle, Optional.empty());
    assessment = Engine.assess(patientCase, pack, patientCase.asOf().orElseThrow());
    asOf = patientCase.asOf().orElseThrow();
    jsonDoor = new org.pcdguide.fhir.JsonResourceCaseSource(pack.vocabulary(), terminology);
  }

  @Benchmark
  public Assessment parseMapAssess() {
    PatientCase c = door.read("bench.json", bundle, Optional.empty());
    return Engine.assess(c, pack, c.asOf().orElseThrow());
  }

  /**
   * The JSON door used by CDS Hooks and bulk screening: Jackson parse of the same Bundle's
   * resources, mapping without HAPI, and assessment.
   */
  @Benchmark
  public Assessment jsonDoorParseMapAssess() throws IOException {
    com.fasterxml.jackson.databind.JsonNode tree = JSON.readTree(bundle);
    java.util.List<com.fasterxml.jackson.databind.JsonNode> list = new java.util.ArrayList<>();
    tree.path("entry").forEach(e -> list.add(e.path("resource")));
    PatientCase c = jsonDoor.read("bench", list, Optional.of(asOf));
    return Engine.assess(c, pack, asOf);
  }

  @Benchmark
  public Object parseOnly() {
    return HapiBundleCaseSource.context()
        .newJsonParser()
        .parseResource(new String(bundle, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Benchmark
  public String writeFhirOutput() {
    return writer.json(assessment, patientCase);
  }
}
