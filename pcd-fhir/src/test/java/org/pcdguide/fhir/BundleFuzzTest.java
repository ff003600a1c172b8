package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.PatientCase;

/**
 * The FHIR JSON door (Bundle reader) under coverage-guided fuzzing (issue 15): any bytes give a
 * case, or one {@link CaseFormatException} whose problems each say what is wrong, in the sender's
 * terms and not the parser's internals; never another exception, a hang or an out-of-memory. The
 * draft orders of the same Bundle are read by the same door, with the same contract.
 */
class BundleFuzzTest {
  private static final HapiBundleCaseSource DOOR =
      new HapiBundleCaseSource(
          BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);

  @FuzzTest(maxDuration = "60m", maxExecutions = 1_000_000)
  void read(byte[] content) {
    try {
      PatientCase c = DOOR.read("fuzz.json", content, Optional.empty());
      assertThat(c).isNotNull();
      assertThat(DOOR.orders("fuzz.json", content)).isNotNull();
    } catch (CaseFormatException e) {
      assertThat(e.problems()).as("a refused Bundle says what is wrong").isNotEmpty();
      assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
      assertThat(internals(e.getMessage(), content))
          .as("the message names no parser internals (HAPI codes, exception classes): %s", e)
          .isEmpty();
    }
  }

  /** A HAPI message code ("HAPI-1861") or a Java exception or error class name. */
  private static final Pattern INTERNAL =
      Pattern.compile(
          "HAPI-\\d+|\\b(?:[a-z][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b"
              + "|\\b(?:java|javax|com\\.fasterxml|ca\\.uhn|org\\.hl7)\\.[a-z]");

  /**
   * The library internals in a message, leaving out what the sender wrote (a problem may quote the
   * sender's own value, even one that looks like a class name).
   */
  static List<String> internals(String message, byte[] content) {
    String sent = new String(content, StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    Matcher m = INTERNAL.matcher(message);
    while (m.find()) {
      if (!sent.contains(m.group())) {
        found.add(m.group());
      }
    }
    return found;
  }
}
