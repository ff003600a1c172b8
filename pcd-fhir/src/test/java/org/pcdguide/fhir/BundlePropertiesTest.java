package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pcdguide.core.cases.CaseFormatException;

/** Random and mutated Bundles never crash the door: a case, or its own CaseFormatException. */
class BundlePropertiesTest {
  private static final String SEED = seed();
  private static final HapiBundleCaseSource DOOR =
      new HapiBundleCaseSource(
          BundleRoundTripTest.PACK.vocabulary(), BundleRoundTripTest.TERMINOLOGY);

  private static String seed() {
    try {
      return Files.readString(Path.of("../examples/poems-disseminated.fhir.json"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 3000)
  void mutatedBundles_onlyCaseFormatException(@ForAll("mutated") String json) {
    try {
      assertThat(DOOR.read("m.json", json.getBytes(StandardCharsets.UTF_8), Optional.empty()))
          .isNotNull();
    } catch (CaseFormatException e) {
      assertThat(e.problems()).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> insert =
        Arbitraries.of(
            "\"",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "null",
            "true",
            "-1",
            "1e999",
            "\"Observation\"",
            "\"MedicationOrder\"",
            "\"2026-13-45\"",
            "\"mmol/L\"",
            "\"refuted\"",
            "\"\"",
            "{}",
            "[]");
    return Combinators.combine(
            Arbitraries.integers().between(0, SEED.length()),
            Arbitraries.integers().between(0, 40),
            insert,
            Arbitraries.integers().between(0, 2))
        .as(
            (pos, len, ins, op) -> {
              int end = Math.min(SEED.length(), pos + len);
              return switch (op) {
                case 0 -> SEED.substring(0, pos) + SEED.substring(end);
                case 1 -> SEED.substring(0, pos) + ins + SEED.substring(pos);
                default -> SEED.substring(0, pos) + ins + SEED.substring(end);
              };
            });
  }
}
