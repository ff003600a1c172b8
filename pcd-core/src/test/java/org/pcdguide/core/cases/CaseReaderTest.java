package org.pcdguide.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;

class CaseReaderTest {
  private static PatientCase read(String text) {
    return new CaseReader(TestPack.PACK.vocabulary())
        .read("case.yaml", text.getBytes(StandardCharsets.UTF_8), Optional.empty());
  }

  private static List<String> problems(String text) {
    try {
      read(text);
    } catch (CaseFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected the case to be rejected");
  }

  @Test
  void read_yamlAndJsonOfTheSameCase_equal() {
    PatientCase yaml =
        read(
            "pcd-case: 1\npatient: {age: 58}\nfindings: {peripheral-neuropathy: true}\nproposed: [thalidomide]\n");
    PatientCase json =
        read(
            "{\"pcd-case\": 1, \"patient\": {\"age\": 58}, \"findings\": {\"peripheral-neuropathy\": true},"
                + " \"proposed\": [\"thalidomide\"]}");
    assertThat(json).isEqualTo(yaml);
  }

  @Test
  void read_gramsPerLitreHemoglobin_convertedToGramsPerDecilitre() {
    Lab lab =
        read("pcd-case: 1\nlabs:\n  - {test: hemoglobin, value: 101, unit: g/L, reference-range: {low: 120}}\n")
            .labs()
            .get(0);
    assertThat(lab.value()).isCloseTo(10.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lab.unit()).isEqualTo("g/dL");
    assertThat(lab.referenceLow())
        .hasValueSatisfying(
            v -> assertThat(v).isCloseTo(12.0, org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(lab.statedUnit()).isEqualTo("g/L");
  }

  @Test
  void read_plateletsPerMicrolitre_convertedToPerLitre() {
    Lab lab =
        read("pcd-case: 1\nlabs:\n  - {test: platelets, value: 455, unit: 10*3/uL}\n")
            .labs()
            .get(0);
    assertThat(lab.value()).isCloseTo(455.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void read_wrongDimensionUnit_rejectedNamingPathValueAndUnits() {
    assertThat(problems("pcd-case: 1\nlabs:\n  - {test: hemoglobin, value: 6.2, unit: mmol/L}\n"))
        .containsExactly(
            "labs[0].unit: 'mmol/L' is not a unit of hemoglobin; use g/dL or another UCUM unit of the same dimension");
  }

  @Test
  void read_notAUcumUnit_rejected() {
    assertThat(
            problems(
                "pcd-case: 1\nlabs:\n  - {test: platelets, value: 455, unit: 'x10^9 per litre'}\n"))
        .singleElement()
        .asString()
        .startsWith("labs[0].unit: 'x10^9 per litre' is not a unit of platelets");
  }

  @Test
  void read_manyProblems_allReportedAtOnce() {
    List<String> problems =
        problems(
            """
            pcd-case: 1
            as-of: 2026-11-01
            patient: {age: 140, sex: woman}
            diagnosis: poems
            findings:
              peripheral-neuropathy: {present: true, severity: awful}
              lesions: true
            labs:
              - {test: hemoglobin, value: -3, unit: g/dL}
              - {test: vegf-plasma, value: 300, unit: pg/mL, date: 2026-12-01}
            proposed: [aspirin]
            colour: blue
            """);
    assertThat(problems)
        .hasSize(9)
        .anyMatch(p -> p.startsWith("colour: unknown field"))
        .anyMatch(p -> p.startsWith("patient.age: '140'"))
        .anyMatch(p -> p.startsWith("patient.sex: 'woman'"))
        .anyMatch(p -> p.startsWith("diagnosis: 'poems'"))
        .anyMatch(p -> p.startsWith("findings.peripheral-neuropathy.severity: 'awful'"))
        .anyMatch(p -> p.startsWith("findings.lesions: 'lesions' is not a known finding"))
        .anyMatch(
            p ->
                p.startsWith("labs[0].value: '-3.0' is negative")
                    || p.startsWith("labs[0].value: '-3' is negative"))
        .anyMatch(p -> p.startsWith("labs[1].date: '2026-12-01' is after the assessment date"))
        .anyMatch(p -> p.startsWith("proposed[0]: 'aspirin'"));
  }

  @Test
  void read_unknownTopLevelField_rejected() {
    assertThat(problems("pcd-case: 1\ncolour: blue\n"))
        .singleElement()
        .asString()
        .startsWith("colour: unknown field");
  }

  @Test
  void read_detailsOnAnAbsentFinding_contradiction() {
    assertThat(
            problems(
                "pcd-case: 1\nfindings:\n  sclerotic-bone-lesions: {present: false, pattern: diffuse}\n"))
        .containsExactly(
            "findings.sclerotic-bone-lesions: details [pattern] contradict present: false");
  }

  @Test
  void read_therapyEndingBeforeItStarts_rejected() {
    assertThat(
            problems(
                "pcd-case: 1\nhistory:\n  therapies:\n    - {therapy: radiotherapy, start: 2026-06-01, end: 2026-05-01}\n"))
        .singleElement()
        .asString()
        .startsWith("history.therapies[0].end: '2026-05-01' is before start '2026-06-01'");
  }

  @Test
  void read_referenceRangeLowAboveHigh_rejected() {
    assertThat(
            problems(
                "pcd-case: 1\nlabs:\n  - {test: platelets, value: 300, unit: 10*9/L, reference-range: {low: 400, high: 150}}\n"))
        .singleElement()
        .asString()
        .startsWith("labs[0].reference-range: low 400.0 is not below high 150.0");
  }

  @Test
  void read_invalidDate_rejected() {
    assertThat(problems("pcd-case: 1\nas-of: 2026-02-30\n"))
        .containsExactly("as-of: '2026-02-30' is not a date (YYYY-MM-DD)");
  }

  @Test
  void read_missingVersion_rejected() {
    assertThat(problems("patient: {age: 50}\n"))
        .containsExactly("pcd-case: is required; use 'pcd-case: 1'");
  }

  @Test
  void read_malformedYaml_oneProblemWithLine() {
    assertThatThrownBy(() -> read("pcd-case: 1\npatient: {age: 50\n"))
        .isInstanceOf(CaseFormatException.class)
        .hasMessageContaining("case.yaml")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void read_duplicateKey_rejected() {
    assertThatThrownBy(() -> read("pcd-case: 1\nid: a\nid: b\n"))
        .isInstanceOf(CaseFormatException.class)
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void read_unknownStaysUnknown() {
    PatientCase c = read("pcd-case: 1\n");
    assertThat(c.patient().age()).isEmpty();
    assertThat(c.patient().transplantEligible()).isEmpty();
    assertThat(c.history()).isEmpty();
    assertThat(c.findings()).isEmpty();
    assertThat(c.clonality().mProteinPresent()).isEmpty();
  }

  @Test
  void read_asOfOverride_replacesTheFilesDate() {
    PatientCase c =
        new CaseReader(TestPack.PACK.vocabulary())
            .read(
                "c.yaml",
                "pcd-case: 1\nas-of: 2026-01-01\n".getBytes(StandardCharsets.UTF_8),
                Optional.of(LocalDate.of(2026, 3, 1)));
    assertThat(c.asOf()).contains(LocalDate.of(2026, 3, 1));
  }
}
