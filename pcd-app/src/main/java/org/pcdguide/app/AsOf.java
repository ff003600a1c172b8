package org.pcdguide.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The date an assessment is made as of, and where it came from: given (by the request or the case
 * file), or today, which is always the date of the injected clock in the clock's zone (the server's
 * configured zone, by default the system's) and names that zone, so that the audit log records how
 * "today" was decided and replay can make the same date again.
 */
public record AsOf(LocalDate date, Optional<ZoneId> todayIn) {
  public AsOf {
    if (date == null || todayIn == null) {
      throw new IllegalArgumentException("an as-of date needs a date and, if any, a zone");
    }
  }

  /** A date the request or the case file named. */
  public static AsOf given(LocalDate date) {
    return new AsOf(date, Optional.empty());
  }

  /** Today: the clock's date in the clock's zone. */
  public static AsOf today(Clock clock) {
    return new AsOf(LocalDate.now(clock), Optional.of(clock.getZone()));
  }

  /** The given date if there is one, else today by {@code clock}. */
  public static AsOf resolve(Optional<LocalDate> given, Clock clock) {
    return given.map(AsOf::given).orElseGet(() -> today(clock));
  }

  /** A fixed clock that gives this date as today again, in the same zone (what replay runs on). */
  public Clock clock() {
    ZoneId zone = todayIn.orElse(java.time.ZoneOffset.UTC);
    return Clock.fixed(date.atStartOfDay(zone).toInstant(), zone);
  }

  /** A date as users write it (YYYY-MM-DD); anything else is a {@link RequestException}. */
  public static LocalDate parse(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new RequestException("as-of '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }
}
