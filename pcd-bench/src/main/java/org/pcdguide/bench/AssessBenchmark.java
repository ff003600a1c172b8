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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.core.render.JsonReport;

/**
 * {@code assess()} on one case per disorder (POEMS: the README example), plus the same with the
 * case file read first and with the JSON report rendered after. Target: assess under 20 µs median.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// 20 s: on two cores C2 takes about 10 s to compile the call path; shorter warm-ups measure the
// compiler, with the spread between forks seen on 2026-12-07 (docs/benchmarks.md)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AssessBenchmark {
  /** One representative case per disorder module; {@code poems} is the README example. */
  static final java.util.Map<String, String> CASES =
      java.util.Map.of(
          "poems", Cases.POEMS,
          "plasmacytosis", Cases.PLASMACYTOSIS,
          "scleromyxedema", Cases.SCLEROMYXEDEMA,
          "myeloma-emp", Cases.MYELOMA_EMP);

  @Param({"poems", "plasmacytosis", "scleromyxedema", "myeloma-emp"})
  public String disorder;

  KnowledgePack pack;
  CaseReader reader;
  PatientCase patientCase;
  byte[] bytes;
  LocalDate asOf;

  @Setup
  public void setup() {
    pack = YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG);
    reader = new CaseReader(pack.vocabulary());
    bytes = CASES.get(disorder).getBytes(StandardCharsets.UTF_8);
    patientCase = reader.read("bench.yaml", bytes, Optional.empty());
    asOf = patientCase.asOf().orElseThrow();
    Assessment a = Engine.assess(patientCase, pack, asOf);
    if (a.diagnosis().isEmpty() || a.recommendations().isEmpty()) {
      throw new IllegalStateException("the " + disorder + " benchmark case no longer gets a plan");
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
