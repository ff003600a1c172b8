package org.pcdguide.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * A lab value in a trace reads as the lab sent it, to six significant digits; the fast path for
 * short decimals must print exactly what the rounding would.
 */
class LabNumberTextTest {
  private static String rounded(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  @Property(tries = 2000)
  void anyValuePrintsAsRoundedToSixDigits(@ForAll @DoubleRange(min = -1e7, max = 1e7) double v) {
    assertThat(BloodCountFacts.num(v)).isEqualTo(rounded(v));
  }

  /** Values spread over every decade the arithmetic path takes, with ties and near-ties. */
  @Property(tries = 5000)
  void everyDecadeOfTheArithmeticPathPrintsAsRounded(
      @ForAll @DoubleRange(min = 1, max = 10) double mantissa,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -4, max = 7) int exponent,
      @ForAll boolean negative) {
    double v = (negative ? -1 : 1) * mantissa * Math.pow(10, exponent);
    assertThat(BloodCountFacts.num(v)).as("%s", v).isEqualTo(rounded(v));
  }

  @Test
  void tiesAndDecadeBoundsPrintAsRounded() {
    for (double v :
        new double[] {
          1.234565,
          12.34565,
          0.001234565,
          999999.5,
          9.999995,
          9.9999951,
          0.0099999995,
          1e-3,
          0.001000001,
          999.9995,
          1e7 - 0.5,
          123456.5,
          0.30000000000000004,
          10.100000000000001
        }) {
      assertThat(BloodCountFacts.num(v)).as("%s", v).isEqualTo(rounded(v));
      assertThat(BloodCountFacts.num(-v)).as("%s", -v).isEqualTo(rounded(-v));
    }
  }

  @Test
  void typicalLabValuesPrintAsSent() {
    for (double v : new double[] {12.5, 0.0123, -0.5, 100.05, 4.35, 1.0e-5, 123456.7, 0.1234567}) {
      assertThat(BloodCountFacts.num(v)).as("%s", v).isEqualTo(rounded(v));
    }
    assertThat(BloodCountFacts.num(12.5)).isEqualTo("12.5");
    assertThat(BloodCountFacts.num(0.1234567)).isEqualTo("0.123457");
  }
}
