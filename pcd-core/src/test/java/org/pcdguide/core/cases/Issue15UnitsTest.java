package org.pcdguide.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pcdguide.core.TestPack;

/**
 * Issue 15, defects 1, 2 and 5 at the case-file door: a hostile unit is refused naming the field,
 * the factor cache is bounded and keyed without annotations, and a value that overflows a double
 * once converted is a problem, not an internal error.
 */
class Issue15UnitsTest {
  private static List<String> problems(String text) {
    try {
      new CaseReader(TestPack.PACK.vocabulary())
          .read("case.yaml", text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    } catch (CaseFormatException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("expected the case to be rejected");
  }

  private static String lab(String test, String value, String unit) {
    return "pcd-case: 1\nlabs:\n  - {test: "
        + test
        + ", value: "
        + value
        + ", unit: '"
        + unit
        + "'}\n";
  }

  // before the fix this never returned (UCUM multiplied 99,999,999 times); the timeout only turns
  // a hang into a failure
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void read_hugePowerOfTen_refusedNamingTheUnitField() {
    assertThat(problems(lab("hemoglobin", "12", "10^99999999.g/dL")))
        .containsExactly(
            "labs[0].unit: '10^99999999.g/dL' is refused: it has a power of ten beyond 24"
                + " ('10^99999999')");
  }

  @Test
  void read_largeExponentOnPi_refusedInsteadOfConvertedSlowly() {
    // before the fix UCUM converted this (in seconds) to a hemoglobin of about 8.5e11 g/dL
    assertThat(problems(lab("hemoglobin", "12", "[pi]24.g/dL")))
        .containsExactly(
            "labs[0].unit: '[pi]24.g/dL' is refused: it has an exponent beyond 4 ('[pi]24')");
  }

  @Test
  void read_overlongAnnotation_refusedAndQuotedOnlyInPart() {
    String unit = "g{" + "x".repeat(4_000) + "}/dL";
    assertThat(problems(lab("hemoglobin", "12", unit)))
        .containsExactly(
            "labs[0].unit: '"
                + unit.substring(0, 40)
                + "...' is refused: it is longer than 128"
                + " characters");
  }

  @Test
  void read_annotatedUnit_convertedAsTheUnitWithoutItsAnnotation() {
    PatientCase c =
        new CaseReader(TestPack.PACK.vocabulary())
            .read(
                "case.yaml",
                lab("hemoglobin", "101", "g{total}/L").getBytes(StandardCharsets.UTF_8),
                Optional.empty());
    assertThat(c.labs().get(0).value()).isCloseTo(10.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(c.labs().get(0).statedUnit()).isEqualTo("g{total}/L");
  }

  @Test
  void read_valueOverflowingOnConversion_problemOnTheValueNotAnInternalError() {
    // before the fix: IllegalArgumentException from Lab (hemoglobin has no maximum), a 500 / exit 1
    assertThat(problems(lab("hemoglobin", "1e308", "kg/dL")))
        .containsExactly("labs[0].value: '1.0E308 kg/dL' is out of range in g/dL");
  }

  @Test
  void read_referenceLimitOverflowingOnConversion_problemOnTheLimit() {
    assertThat(
            problems(
                "pcd-case: 1\nlabs:\n  - {test: hemoglobin, value: 0.01, unit: kg/dL,"
                    + " reference-range: {low: 0.001, high: 1e308}}\n"))
        .containsExactly("labs[0].reference-range.high: '1.0E308 kg/dL' is out of range in g/dL");
  }

  @Test
  void read_notANumberOrInfinity_refusedNamingWhere() {
    assertThat(problems(lab("hemoglobin", ".nan", "g/dL")))
        .containsExactly("line 3, column 35: not valid YAML: Malformed numeric value '.nan'");
    assertThat(problems(lab("hemoglobin", "1e400", "g/L")))
        .containsExactly("labs[0].value: 'Infinity' is not a number");
    assertThat(
            problems(
                "{\"pcd-case\": 1, \"labs\": [{\"test\": \"hemoglobin\", \"value\": -1e999,"
                    + " \"unit\": \"g/dL\"}]}"))
        .containsExactly("labs[0].value: '-Infinity' is not a number");
  }

  // found by UnitsFuzzTest: UCUM checks an empty unit with an AssertionError, which escaped into
  // the factor cache's future; the conversion was still refused, but Caffeine logged a WARNING with
  // a stack trace for every such call, so a spammer could fill the server log with them
  @Test
  void conversion_unitUcumAssertsOn_incompatibleWithoutAStackTraceInTheLog() {
    java.util.logging.Logger caffeine =
        java.util.logging.Logger.getLogger("com.github.benmanes.caffeine.cache.LocalAsyncCache");
    List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    caffeine.addHandler(handler);
    try {
      assertThat(Units.conversion(12, "", "g/dL")).isInstanceOf(UnitConversion.Incompatible.class);
      assertThat(Units.conversion(12, "g/dL", "")).isInstanceOf(UnitConversion.Incompatible.class);
      // a failed load is logged as it completes: one more call lets the earlier ones' logs land
      assertThat(Units.conversion(12, "", "g/dL")).isInstanceOf(UnitConversion.Incompatible.class);
      assertThat(logged).isEmpty();
    } finally {
      caffeine.removeHandler(handler);
    }
  }
}
