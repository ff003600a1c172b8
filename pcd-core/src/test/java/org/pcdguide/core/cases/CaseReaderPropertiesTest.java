package org.pcdguide.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pcdguide.core.TestPack;

/**
 * The case reader's contract under hostile input: it returns a case or throws its own {@link
 * CaseFormatException} naming problems, and nothing else, for mutated and random files.
 */
class CaseReaderPropertiesTest {
  private static final CaseReader READER = new CaseReader(TestPack.PACK.vocabulary());
  private static final List<String> SEEDS = seeds();

  private static List<String> seeds() {
    try {
      return List.of(
          Files.readString(Path.of("../examples/poems-disseminated.yaml")),
          Files.readString(Path.of("src/test/resources/golden/poems-localized.case.yaml")),
          Files.readString(Path.of("src/test/resources/golden/poems-missing-marrow.case.yaml")),
          "{\"pcd-case\": 1, \"patient\": {\"age\": 61}, \"labs\": [{\"test\": \"hemoglobin\","
              + " \"value\": 9.1, \"unit\": \"g/dL\", \"reference-range\": {\"low\": 12}}]}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void readOnlyThrowsItsOwnError(String text) {
    try {
      PatientCase c =
          READER.read("fuzz.yaml", text.getBytes(StandardCharsets.UTF_8), Optional.empty());
      assertThat(c).isNotNull();
    } catch (CaseFormatException e) {
      assertThat(e.problems()).isNotEmpty();
      assertThat(e.getMessage()).startsWith("fuzz.yaml: ");
    }
  }

  @Property(tries = 6000)
  void mutatedCaseFiles_onlyCaseFormatException(@ForAll("mutated") String text) {
    readOnlyThrowsItsOwnError(text);
  }

  @Property(tries = 2500)
  void randomText_onlyCaseFormatException(@ForAll("noise") String text) {
    readOnlyThrowsItsOwnError(text);
  }

  @Property(tries = 2500)
  void structurallyPlausibleCases_onlyCaseFormatException(@ForAll("plausible") String text) {
    readOnlyThrowsItsOwnError(text);
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<String> insert =
        Arbitraries.of(
            ":",
            "{",
            "}",
            "[",
            "]",
            "-",
            " ",
            "\n",
            "\t",
            "'",
            "\"",
            "&a",
            "*a",
            "!!binary ",
            "~",
            "null",
            "1e999",
            "-1",
            "0x10",
            "true",
            "2026-13-45",
            "\u0000",
            "é",
            "#",
            "? ",
            "|",
            ">",
            "%YAML 1.2\n");
    return Combinators.combine(
            seed,
            Arbitraries.integers().between(0, 100_000),
            Arbitraries.integers().between(0, 12),
            insert,
            Arbitraries.integers().between(0, 3))
        .as(
            (s, pos, len, ins, op) -> {
              int at = pos % (s.length() + 1);
              int end = Math.min(s.length(), at + len);
              return switch (op) {
                case 0 -> s.substring(0, at) + s.substring(end);
                case 1 -> s.substring(0, at) + ins + s.substring(at);
                case 2 -> s.substring(0, at) + ins + s.substring(end);
                default -> s.substring(0, at);
              };
            });
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> plausible() {
    Arbitrary<String> key =
        Arbitraries.of(
            "pcd-case",
            "id",
            "as-of",
            "patient",
            "diagnosis",
            "findings",
            "clonality",
            "labs",
            "history",
            "proposed",
            "age",
            "sex",
            "present",
            "pattern",
            "count",
            "test",
            "value",
            "unit",
            "date",
            "reference-range",
            "low",
            "high",
            "therapies",
            "therapy",
            "start",
            "end",
            "response",
            "m-protein",
            "kinds",
            "peripheral-neuropathy",
            "sclerotic-bone-lesions",
            "hemoglobin");
    Arbitrary<String> scalar =
        Arbitraries.of(
            "1",
            "0",
            "-5",
            "131",
            "58.5",
            "true",
            "false",
            "null",
            "2026-11-01",
            "2026-02-30",
            "g/dL",
            "mmol/L",
            "10*9/L",
            "diffuse",
            "poems-syndrome",
            "thalidomide",
            "[]",
            "{}",
            "[a, b]",
            "''");
    return Combinators.combine(
            key.list().ofMinSize(1).ofMaxSize(8), scalar.list().ofMinSize(8).ofMaxSize(8))
        .as(
            (keys, values) -> {
              StringBuilder b = new StringBuilder("pcd-case: 1\n");
              for (int i = 0; i < keys.size(); i++) {
                String indent = i % 3 == 2 ? "  " : "";
                b.append(indent)
                    .append(keys.get(i))
                    .append(": ")
                    .append(values.get(i))
                    .append('\n');
              }
              return b.toString();
            });
  }
}
