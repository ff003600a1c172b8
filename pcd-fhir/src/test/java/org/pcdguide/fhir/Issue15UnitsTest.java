package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.Problem;

/**
 * Issue 15, defects 1 and 5 at the FHIR door: an Observation whose unit is too costly for UCUM, or
 * whose value or reference limit overflows a double once converted, is a problem naming the field
 * (a 422 at the HTTP doors), not a hang, not an unread note, not an internal error.
 */
class Issue15UnitsTest {
  private static final JsonMapper QUOTES =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();
  private static final JsonResourceCaseSource DOOR =
      new JsonResourceCaseSource(
          BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);

  private static JsonNode hemoglobin(String quantity, String range) {
    try {
      return QUOTES.readTree(
          "{'resourceType':'Observation','id':'o1','status':'final','code':{'coding':[{'system':"
              + "'http://loinc.org','code':'718-7'}]},'valueQuantity':"
              + quantity
              + (range.isEmpty() ? "" : ",'referenceRange':[" + range + "]")
              + "}");
    } catch (IOException e) {
      throw new IllegalArgumentException(quantity, e);
    }
  }

  private static List<String> problems(JsonNode observation) {
    CaseFormatException e =
        catchThrowableOfType(
            CaseFormatException.class,
            () ->
                DOOR.read("r.json", List.of(observation), Optional.of(LocalDate.of(2026, 11, 1))));
    assertThat(e).as("a CaseFormatException").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  // before the fix this never returned; the timeout only turns a hang into a failure
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void read_hugePowerOfTenInTheCode_problemNamingTheCode() {
    assertThat(problems(hemoglobin("{'value':12,'code':'10^99999999.g/dL'}", "")))
        .containsExactly(
            "Observation/o1.valueQuantity.code: '10^99999999.g/dL' is refused: it has a power of"
                + " ten beyond 24 ('10^99999999')");
  }

  @Test
  void read_costlyUnitInTheHumanReadableUnit_problemNamingThatField() {
    // before the fix UCUM converted it, slowly, to a hemoglobin of about 8.5e11 g/dL
    assertThat(problems(hemoglobin("{'value':12,'unit':'[pi]24.g/dL'}", "")))
        .containsExactly(
            "Observation/o1.valueQuantity.unit: '[pi]24.g/dL' is refused: it has an exponent"
                + " beyond 4 ('[pi]24')");
  }

  @Test
  void read_valueOverflowingOnConversion_problemOnTheValue() {
    assertThat(problems(hemoglobin("{'value':1e308,'code':'kg/dL'}", "")))
        .containsExactly(
            "Observation/o1.valueQuantity.value: '1.0E308 kg/dL' is out of range in g/dL");
  }

  @Test
  void read_referenceLimitOverflowingOrRefused_problemsOnTheLimits() {
    // before the fix the high limit became +Infinity in the case and the refused unit was ignored
    assertThat(
            problems(
                hemoglobin(
                    "{'value':12,'code':'g/dL'}",
                    "{'low':{'value':1,'code':'10*99.g/dL'},'high':{'value':1e308,'code':'kg/dL'}}")))
        .containsExactly(
            "Observation/o1.referenceRange.low.code: '10*99.g/dL' is refused: it has a power of ten"
                + " beyond 24 ('10*99')",
            "Observation/o1.referenceRange.high.value: '1.0E308 kg/dL' is out of range in g/dL");
  }
}
