package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcdguide.core.cases.Problem;

/**
 * FHIR primitive values (date, dateTime, instant, decimal, boolean, integer, code) read from JSON.
 * HAPI's parser used to reject a malformed value anywhere in the input; the JSON door checks only
 * the values the mapping reads, so that quirks in fields it ignores never reject a patient, and a
 * malformed value it does read becomes a {@link Problem} naming the field and the value. What
 * HAPI's parser accepted is accepted here too (a number or boolean written as a JSON string).
 */
final class FhirPrimitives {
  /**
   * FHIR date, dateTime and instant. Like HAPI, a time without a zone is accepted, and seconds are
   * required when there is a time. Groups: year, month, day, hour, minute, second, zone.
   */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d|60)"
              + "(?:\\.\\d+)?(Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)?)?)?)?");

  private FhirPrimitives() {}

  /**
   * The date of a date, dateTime or instant, as HAPI's Date conversion gave it where that did not
   * depend on the machine's time zone: a dateTime with a zone is the UTC date of its instant. A
   * partial date is the first day of its period ("2019" is 2019-01-01), and a date, or a dateTime
   * without a zone, is the date as written (HAPI read those in the JVM's default time zone: the
   * same result on a machine running in UTC).
   */
  static Optional<LocalDate> parseDate(String value) {
    String v = value.trim();
    if (v.length() == 10 && plainDate(v)) {
      // YYYY-MM-DD, the usual form, read without the pattern (the same answer: FhirDatesTest)
      int year = digits(v, 0, 4);
      if (year == 0) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.of(year, digits(v, 5, 7), digits(v, 8, 10)));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return parseDateByPattern(v);
  }

  private static boolean plainDate(String v) {
    for (int i = 0; i < 10; i++) {
      char c = v.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (v.charAt(i) - '0');
    }
    return n;
  }

  /** {@link #parseDate} by the pattern alone, for any form. */
  static Optional<LocalDate> parseDateByPattern(String value) {
    Matcher m = DATE_TIME.matcher(value.trim());
    if (!m.matches() || m.group(1).equals("0000")) {
      return Optional.empty();
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
              m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
      return Optional.of(m.group(7) == null ? date : utcDate(date, m));
    } catch (DateTimeException e) {
      return Optional.empty(); // 2019-02-29, 2020-13-45
    }
  }

  private static LocalDate utcDate(LocalDate date, Matcher m) {
    return date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)))
        .plusSeconds(Integer.parseInt(m.group(6))) // a leap second (60) is the next minute
        .atOffset(m.group(7).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(7)))
        .withOffsetSameInstant(ZoneOffset.UTC)
        .toLocalDate();
  }

  /** A decimal as a finite double (a JSON number, or a JSON string as HAPI accepted). */
  static Optional<Double> parseDecimal(JsonNode v) {
    double d;
    if (v.isNumber()) {
      d = v.doubleValue();
    } else if (v.isTextual()) {
      try {
        d = new BigDecimal(v.textValue()).doubleValue();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
  }

  static Optional<Boolean> parseBoolean(JsonNode v) {
    if (v.isBoolean()) {
      return Optional.of(v.booleanValue());
    }
    String text = v.isTextual() ? v.textValue().trim() : "";
    return text.equals("true") || text.equals("false")
        ? Optional.of(Boolean.valueOf(text))
        : Optional.empty();
  }

  static Optional<Integer> parseInteger(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.canConvertToInt() ? Optional.of(v.intValue()) : Optional.empty();
    }
    if (!v.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(v.textValue()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A date, dateTime or instant the mapping reads; empty when absent or malformed. */
  static Optional<LocalDate> date(JsonNode v, String path, String field, List<Problem> problems) {
    return read(
        v,
        n -> FhirJson.text(n).flatMap(FhirPrimitives::parseDate),
        path,
        field,
        () -> "a valid date or dateTime (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)",
        problems);
  }

  static Optional<Double> decimal(JsonNode v, String path, String field, List<Problem> problems) {
    return read(
        v, FhirPrimitives::parseDecimal, path, field, () -> "a finite decimal number", problems);
  }

  static Optional<Boolean> bool(JsonNode v, String path, String field, List<Problem> problems) {
    return read(
        v, FhirPrimitives::parseBoolean, path, field, () -> "a boolean (true or false)", problems);
  }

  /** A code of a required code set (a status, an intent, a gender). */
  static Optional<String> code(
      JsonNode v, List<String> allowed, String path, String field, List<Problem> problems) {
    return read(
        v,
        n -> FhirJson.text(n).filter(allowed::contains),
        path,
        field,
        () -> "a valid code (" + String.join(", ", allowed) + ")",
        problems);
  }

  /**
   * The value {@code parse} reads, or a problem at {@code path + field} (joined only when there is
   * a problem: most values are well formed).
   */
  private static <T> Optional<T> read(
      JsonNode v,
      Function<JsonNode, Optional<T>> parse,
      String path,
      String field,
      Supplier<String> expected,
      List<Problem> problems) {
    // a number or boolean always has text; the text of a number is written only for a problem
    boolean written = v.isNumber() || v.isBoolean() || v.isTextual() && !v.textValue().isBlank();
    if (!written) {
      return Optional.empty(); // absent, as HAPI read a blank value: the mapping decides
    }
    Optional<T> value = parse.apply(v);
    if (value.isEmpty()) {
      problems.add(
          new Problem(
              path + field, "'" + FhirJson.text(v).orElse("") + "' is not " + expected.get()));
    }
    return value;
  }
}
