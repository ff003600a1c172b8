package org.pcdguide.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitTextTest {
  @Test
  void of_labUnitsInRealUse_passUnchanged() {
    for (String unit :
        new String[] {
          "g/dL", "10*9/L", "10*3/uL", "mL/min", "pg/mL", "%", "mm[Hg]", "10*-3.kg/dL"
        }) {
      assertThat(UnitText.of(unit)).isEqualTo(new UnitText.Normalised(unit));
    }
  }

  @Test
  void of_annotations_strippedAndAloneBecomeUnity() {
    assertThat(UnitText.of("g{total}/dL")).isEqualTo(new UnitText.Normalised("g/dL"));
    assertThat(UnitText.of("{cells}/uL")).isEqualTo(new UnitText.Normalised("1/uL"));
    assertThat(UnitText.of("mL/min/{1.73_m2}")).isEqualTo(new UnitText.Normalised("mL/min/1"));
    assertThat(UnitText.of("10*3{cells}/uL")).isEqualTo(new UnitText.Normalised("10*3/uL"));
  }

  @Test
  void of_malformedAnnotation_invalid() {
    assertThat(UnitText.of("g{total/dL")).isInstanceOf(UnitText.Invalid.class);
    assertThat(UnitText.of("g}/dL")).isInstanceOf(UnitText.Invalid.class);
    assertThat(UnitText.of("g{tötal}/dL")).isInstanceOf(UnitText.Invalid.class);
    assertThat(UnitText.of("g{x}2/dL")).isInstanceOf(UnitText.Invalid.class);
  }

  @Test
  void of_boundaries_largestAcceptedSmallestRefused() {
    assertThat(UnitText.of("10*24.g/dL")).isInstanceOf(UnitText.Normalised.class);
    assertThat(UnitText.of("10^-25.g/dL"))
        .isEqualTo(new UnitText.Refused("has a power of ten beyond 24 ('10^-25')"));
    assertThat(UnitText.of("[pi]4.g/dL")).isInstanceOf(UnitText.Normalised.class);
    assertThat(UnitText.of("[pi]-5.g/dL"))
        .isEqualTo(new UnitText.Refused("has an exponent beyond 4 ('[pi]-5')"));
    assertThat(UnitText.of("[pi]4.[pi]4.[pi]4")).isInstanceOf(UnitText.Normalised.class);
    assertThat(UnitText.of("[pi]4.[pi]4.[pi]4.g"))
        .isEqualTo(new UnitText.Refused("has exponents adding up to more than 12"));
    assertThat(UnitText.of("g.g.g.g.g.g.g/dL")).isInstanceOf(UnitText.Normalised.class);
    assertThat(UnitText.of("g.g.g.g.g.g.g.g/dL"))
        .isEqualTo(new UnitText.Refused("has more than 8 terms"));
    assertThat(UnitText.of("(((g)))/dL")).isInstanceOf(UnitText.Normalised.class);
    assertThat(UnitText.of("((((g))))/dL"))
        .isEqualTo(new UnitText.Refused("nests parentheses deeper than 3"));
    assertThat(UnitText.of("g/dL{" + "x".repeat(122) + "}"))
        .isInstanceOf(UnitText.Normalised.class);
    assertThat(UnitText.of("g/dL{" + "x".repeat(123) + "}"))
        .isEqualTo(new UnitText.Refused("is longer than 128 characters"));
  }

  @Test
  void of_exponentWithManyDigits_refusedWithoutParsingIt() {
    assertThat(UnitText.of("g99999999999999999999/dL"))
        .isEqualTo(new UnitText.Refused("has an exponent beyond 4 ('g99999999999999999999')"));
  }
}
