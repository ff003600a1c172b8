package org.pcdguide.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.core.render.JsonReport;

/**
 * {@code assess()} on a disseminated POEMS case (the README example), plus the same with the case
 * file read first and with the JSON report rendered after. Target: assess under 20 µs median.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AssessBenchmark {
  static final String CASE =
      """
      pcd-case: 1
      id: poems-disseminated-neuropathy
      as-of: 2026-11-01
      patient: {age: 58, sex: female, transplant-eligible: true}
      diagnosis: poems-syndrome
      findings:
        peripheral-neuropathy: {present: true, severity: moderate, preexisting: true}
        sclerotic-bone-lesions: {present: true, pattern: diffuse}
        bone-marrow-involvement: true
        endocrinopathy: {present: true, kinds: [gonadal, adrenal]}
        organomegaly: true
        extravascular-volume-overload: false
      clonality:
        m-protein: {present: true, heavy-chain: IgA, light-chain: lambda}
      labs:
        - {test: vegf-plasma, value: 1850, unit: pg/mL, date: 2026-10-20}
        - {test: hemoglobin, value: 101, unit: g/L, date: 2026-10-20, reference-range: {low: 120, high: 160}}
        - {test: platelets, value: 455, unit: 10*9/L, date: 2026-10-20, reference-range: {low: 150, high: 400}}
      history:
        therapies: []
      proposed: [thalidomide]
      """;

  KnowledgePack pack;
  CaseReader reader;
  PatientCase patientCase;
  byte[] bytes;
  LocalDate asOf;

  @Setup
  public void setup() {
    pack = YamlKnowledgePackSource.bundled().load();
    reader = new CaseReader(pack.vocabulary());
    bytes = CASE.getBytes(StandardCharsets.UTF_8);
    patientCase = reader.read("bench.yaml", bytes, Optional.empty());
    asOf = patientCase.asOf().orElseThrow();
    Assessment a = Engine.assess(patientCase, pack, asOf);
    if (!a.extent().equals("disseminated") || a.recommendations().isEmpty()) {
      throw new IllegalStateException(
          "the benchmark case no longer assesses as disseminated POEMS");
    }
  }

  @Benchmark
  public Assessment assess() {
    return Engine.assess(patientCase, pack, asOf);
  }

  @Benchmark
  public Assessment readAndAssess() {
    PatientCase c = reader.read("bench.yaml", bytes, Optional.empty());
    return Engine.assess(c, pack, asOf);
  }

  @Benchmark
  public String assessAndRenderJson() {
    return JsonReport.render(Engine.assess(patientCase, pack, asOf), pack);
  }
}
