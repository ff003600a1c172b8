package org.pcdguide.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.render.JsonReport;
import org.pcdguide.core.render.TextReport;

/**
 * Invariants over generated POEMS cases: the assessment is deterministic (byte-identical JSON and
 * text) and does not depend on the order in which findings, labs or proposed orders are listed.
 */
class EnginePropertiesTest {
  private static final CaseReader READER = new CaseReader(TestPack.PACK.vocabulary());

  /** A generated case: its lines in findings, labs and proposed, which can be shuffled. */
  record Parts(
      List<String> findings, List<String> labs, List<String> proposed, String patient, long seed) {
    String yaml(boolean shuffled) {
      List<String> f = new ArrayList<>(findings);
      List<String> l = new ArrayList<>(labs);
      List<String> p = new ArrayList<>(proposed);
      if (shuffled) {
        java.util.Random r = new java.util.Random(seed);
        Collections.shuffle(f, r);
        Collections.shuffle(l, r);
        Collections.shuffle(p, r);
      }
      return "pcd-case: 1\nas-of: 2026-11-01\ndiagnosis: poems-syndrome\n"
          + patient
          + "clonality:\n  m-protein: {present: true, light-chain: lambda}\n"
          + "findings:\n"
          + String.join("", f)
          + (l.isEmpty() ? "" : "labs:\n" + String.join("", l))
          + "proposed: ["
          + String.join(", ", p)
          + "]\n";
    }
  }

  @Provide
  Arbitrary<Parts> cases() {
    Arbitrary<List<String>> findings =
        Arbitraries.subsetOf(
                "  peripheral-neuropathy: {present: true, severity: moderate}\n",
                "  sclerotic-bone-lesions: {present: true, pattern: limited}\n",
                "  bone-marrow-involvement: true\n",
                "  bone-marrow-involvement: false\n",
                "  castleman-disease: true\n",
                "  papilledema: true\n",
                "  organomegaly: false\n",
                "  endocrinopathy: {present: true, kinds: [diabetes]}\n",
                "  poems-skin-changes: true\n")
            .map(s -> dedupeMarrow(new ArrayList<>(s)));
    Arbitrary<List<String>> labs =
        Arbitraries.subsetOf(
                "  - {test: vegf-plasma, value: 250, unit: pg/mL, date: 2026-10-01}\n",
                "  - {test: hemoglobin, value: 9.8, unit: g/dL, date: 2026-10-01, reference-range: {low: 12}}\n",
                "  - {test: platelets, value: 480, unit: 10*9/L, date: 2026-10-01, reference-range: {high: 400}}\n",
                "  - {test: vegf-serum, value: 900, unit: pg/mL, date: 2026-10-01}\n")
            .map(ArrayList::new);
    Arbitrary<List<String>> proposed =
        Arbitraries.subsetOf(
                "thalidomide", "bortezomib", "radiotherapy", "lenalidomide", "ivig-high-dose")
            .map(ArrayList::new);
    Arbitrary<String> patient =
        Arbitraries.of(
            "",
            "patient: {age: 61, transplant-eligible: true}\n",
            "patient: {age: 45, transplant-eligible: false}\nhistory: {therapies: []}\n");
    return Combinators.combine(findings, labs, proposed, patient, Arbitraries.longs())
        .as(Parts::new);
  }

  private static List<String> dedupeMarrow(List<String> findings) {
    if (findings.contains("  bone-marrow-involvement: true\n")) {
      findings.remove("  bone-marrow-involvement: false\n");
    }
    return findings;
  }

  private static Tuple.Tuple2<String, String> reports(String yaml) {
    PatientCase c = READER.read("p.yaml", yaml.getBytes(StandardCharsets.UTF_8), Optional.empty());
    Assessment a = Engine.assess(c, TestPack.PACK, c.asOf().orElseThrow());
    return Tuple.of(
        JsonReport.render(a, TestPack.PACK),
        TextReport.render(a, TestPack.PACK, TextReport.Style.TEXT));
  }

  @Property(tries = 300)
  void assess_sameInputTwice_byteIdenticalReports(@ForAll("cases") Parts parts) {
    assertThat(reports(parts.yaml(false))).isEqualTo(reports(parts.yaml(false)));
  }

  @Property(tries = 300)
  void assess_listOrderOfInput_doesNotChangeTheAssessment(@ForAll("cases") Parts parts) {
    assertThat(reports(parts.yaml(true))).isEqualTo(reports(parts.yaml(false)));
  }
}
