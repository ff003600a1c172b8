package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A date written YYYY-MM-DD is read without the date pattern; whatever the ten characters, the
 * answer is the pattern's: the same date, or no date where the pattern finds none (year 0000, month
 * 13, February 30th, a letter where a digit belongs).
 */
class FhirDatesTest {

  @Property(tries = 3000)
  void tenCharacterDates_readAsThePatternReadsThem(@ForAll("dateLike") String value) {
    assertThat(FhirPrimitives.parseDate(value))
        .as(value)
        .isEqualTo(FhirPrimitives.parseDateByPattern(value));
  }

  @Provide
  Arbitrary<String> dateLike() {
    Arbitrary<Character> digit = Arbitraries.chars().range('0', '9');
    Arbitrary<Character> any = Arbitraries.of('0', '1', '2', '9', '-', 'a', ' ', '/', '٣');
    Arbitrary<Character> c =
        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, digit), net.jqwik.api.Tuple.of(1, any));
    Arbitrary<Character> dash =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, Arbitraries.just('-')), net.jqwik.api.Tuple.of(1, any));
    return net.jqwik.api.Combinators.combine(
            c.list().ofSize(4), dash, c.list().ofSize(2), dash, c.list().ofSize(2))
        .as((y, d1, m, d2, d) -> join(y) + d1 + join(m) + d2 + join(d));
  }

  private static String join(java.util.List<Character> chars) {
    StringBuilder s = new StringBuilder();
    chars.forEach(s::append);
    return s.toString();
  }

  @Test
  void usualAndEdgeDates() {
    assertThat(FhirPrimitives.parseDate("2019-04-30")).contains(LocalDate.of(2019, 4, 30));
    assertThat(FhirPrimitives.parseDate(" 2024-02-29 ")).contains(LocalDate.of(2024, 2, 29));
    assertThat(FhirPrimitives.parseDate("2023-02-29")).isEqualTo(Optional.empty());
    assertThat(FhirPrimitives.parseDate("0000-01-01")).isEmpty();
    assertThat(FhirPrimitives.parseDate("2019-13-01")).isEmpty();
    assertThat(FhirPrimitives.parseDate("2019-00-10")).isEmpty();
    assertThat(FhirPrimitives.parseDate("2019/04/30")).isEmpty();
    // the other forms still go through the pattern
    assertThat(FhirPrimitives.parseDate("2019")).contains(LocalDate.of(2019, 1, 1));
    assertThat(FhirPrimitives.parseDate("2020-01-01T23:30:00-05:00"))
        .contains(LocalDate.of(2020, 1, 2));
  }
}
