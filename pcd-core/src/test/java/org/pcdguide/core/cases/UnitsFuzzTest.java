package org.pcdguide.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The unit parser under coverage-guided fuzzing (issue 15, defects 1, 2 and 5): a lab value with
 * any unit string, converted to a lab unit, is converted, refused with a reason, out of range or
 * incompatible; never an exception, a hang past the time budget or unbounded memory. An input is
 * three lines: the value, the unit as written, the unit wanted (see {@code
 * UnitsFuzzTestInputs/convert/}).
 */
class UnitsFuzzTest {
  @FuzzTest(maxDuration = "5m", maxExecutions = 1_000_000)
  void convert(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
    double value = parse(parts[0]);
    String from = parts.length > 1 ? parts[1] : "";
    String to = parts.length > 2 ? parts[2] : "g/dL";
    UnitConversion c = Units.conversion(value, from, to);
    if (c instanceof UnitConversion.Converted converted) {
      assertThat(converted.value()).as("a converted value is finite").isFinite();
    }
    if (c instanceof UnitConversion.Refused refused) {
      assertThat(Units.refusal(from, refused)).as("a refusal names the unit").isNotBlank();
    }
    assertThat(UnitText.of(from)).isNotNull();
    Units.isValid(from);
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return 1.0;
    }
  }
}
