package org.pcdguide.server;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the audit store holds, the same on every store: the column sizes of migration V1 (which
 * PostgreSQL and H2 enforce, and SQLite since V6), checked where a value enters the server so that
 * a bad value is the caller's 4xx, never a failed write (issue 15: one over-long value failed every
 * caller in its group commit on PostgreSQL).
 */
final class AuditLimits {
  /** A date as the audit log keeps it: four-digit year ({@code as_of VARCHAR(10)}). */
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** A FHIR id (R4 {@code id} datatype): what a card uuid and a draft order id may look like. */
  static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /** {@code caller VARCHAR(512)}; a JWT's subject gets half of it, its issuer the rest. */
  static final int CALLER = 512;

  static final int SUBJECT = 255;

  /** The sizes of the {@code audit_record} columns {@link AuditRows#INSERT} binds, in its order. */
  static final List<Integer> RECORD =
      List.of(36, -1, 512, 64, 80, -1, 64, 10, 64, 128, 80, 80, -1, 64);

  private AuditLimits() {}

  /** Why {@code text} is not an as-of date the audit log can hold, if it is not. */
  static Optional<String> asOfProblem(String text) {
    if (!DATE.matcher(text).matches()) {
      return Optional.of(
          "as-of '" + printable(text) + "' is not a date YYYY-MM-DD with a four-digit year");
    }
    try {
      LocalDate.parse(text);
      return Optional.empty();
    } catch (java.time.DateTimeException e) {
      return Optional.of("as-of '" + text + "' is not a date in the calendar");
    }
  }

  /** Whether a date the case gave (or today) has a four-digit year, as the log keeps it. */
  static boolean storable(LocalDate date) {
    return date.getYear() >= 0 && date.getYear() <= 9999;
  }

  /** Refuses an audit record whose values do not fit the table (naming the column). */
  static void checkRecord(List<Object> values) {
    for (int i = 0; i < RECORD.size(); i++) {
      Object v = values.get(i);
      if (RECORD.get(i) >= 0 && v instanceof String s && s.length() > RECORD.get(i)) {
        throw new IllegalArgumentException(
            "audit record column "
                + (i + 1)
                + " holds at most "
                + RECORD.get(i)
                + " characters, was "
                + s.length());
      }
    }
  }

  /** At most 64 characters of {@code text}, control characters shown as '?'. */
  static String printable(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
