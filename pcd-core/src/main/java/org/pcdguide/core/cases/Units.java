package org.pcdguide.core.cases;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/**
 * UCUM unit conversion at the door, backed by the UCUM reference library (org.fhir:ucum) and its
 * bundled essence file. The library is loaded on first use: a case already in canonical units never
 * pays for it.
 */
public final class Units {
  private static volatile UcumService service;

  /** The longest a caller waits for UCUM to convert a unit it has not converted before. */
  public static final Duration BUDGET = Duration.ofSeconds(2);

  /** How many unit pairs keep their factor (a few dozen lab units are in real use). */
  static final int MAX_FACTORS = 1_000;

  private static final UnitFactors FACTORS =
      new UnitFactors(Units::factor, BUDGET, MAX_FACTORS, worker());

  private Units() {}

  /**
   * Converts {@code value} from {@code from} to {@code to}. Empty when {@code from} is not a valid
   * UCUM unit, is of another dimension, is refused (see {@link #conversion}) or the result is not a
   * finite number.
   */
  public static Optional<Double> convert(double value, String from, String to) {
    return conversion(value, from, to) instanceof UnitConversion.Converted c
        ? Optional.of(c.value())
        : Optional.empty();
  }

  /**
   * Converts {@code value} from {@code from} (a unit as written, possibly hostile) to {@code to} (a
   * unit of the vocabulary). A unit beyond the bounds of {@link UnitText}, or one UCUM does not
   * convert within {@link #BUDGET}, is refused; a result beyond the range of a double is out of
   * range.
   */
  public static UnitConversion conversion(double value, String from, String to) {
    if (!from.equals(to)) {
      service(); // loaded here, once, so that loading the essence file is not charged to a unit
    }
    return FACTORS.convert(value, from, to);
  }

  /** The problem text for a refused unit; a long unit is quoted only in part. */
  public static String refusal(String unit, UnitConversion.Refused refused) {
    String shown = unit.length() > 40 ? unit.substring(0, 40) + "..." : unit;
    return "'" + shown + "' is refused: it " + refused.reason();
  }

  /** The problem text for a value that does not fit a double once converted. */
  public static String outOfRange(double value, String unit, String to) {
    return "'" + value + " " + unit + "' is out of range in " + to;
  }

  /** The factors cached now; for tests of the cache bound. */
  static long cachedFactors() {
    return FACTORS.size();
  }

  private static java.util.concurrent.ExecutorService worker() {
    return java.util.concurrent.Executors.newFixedThreadPool(
        2,
        task -> {
          Thread t = new Thread(task, "pcd-ucum");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * The factor from {@code from} to {@code to}, when UCUM converts them and the conversion is
   * linear (every lab unit in the vocabulary is; offset units such as Cel are not cached as
   * factors).
   */
  private static Optional<Double> factor(String from, String to) {
    Optional<Double> one = ucumConvert(1, from, to);
    Optional<Double> zero = ucumConvert(0, from, to);
    if (one.isEmpty() || zero.isEmpty() || zero.get() != 0.0) {
      return Optional.empty();
    }
    return one;
  }

  private static Optional<Double> ucumConvert(double value, String from, String to) {
    UcumService ucum = service();
    try {
      if (ucum.validate(from) != null || ucum.validate(to) != null) {
        return Optional.empty();
      }
      if (!ucum.isComparable(from, to)) {
        return Optional.empty();
      }
      Decimal result = ucum.convert(new Decimal(new BigDecimal(value).toPlainString()), from, to);
      return Optional.of(Double.parseDouble(result.asDecimal()));
    } catch (UcumException | RuntimeException | AssertionError e) {
      // the library checks some arguments with AssertionError (an empty unit); escaping, it
      // failed the cached future and logged a stack trace per call (found by UnitsFuzzTest)
      return Optional.empty();
    }
  }

  /** Whether {@code unit} is a valid UCUM expression. */
  public static boolean isValid(String unit) {
    try {
      return UnitText.of(unit) instanceof UnitText.Normalised n
          && service().validate(n.unit()) == null;
    } catch (RuntimeException | AssertionError e) {
      return false;
    }
  }

  private static UcumService service() {
    UcumService s = service;
    if (s == null) {
      synchronized (Units.class) {
        s = service;
        if (s == null) {
          try (InputStream essence = Units.class.getResourceAsStream("/ucum-essence.xml")) {
            if (essence == null) {
              throw new IllegalStateException("ucum-essence.xml is missing from the classpath");
            }
            s = new UcumEssenceService(essence);
          } catch (java.io.IOException | UcumException e) {
            throw new IllegalStateException("cannot load the UCUM essence file", e);
          }
          service = s;
        }
      }
    }
    return s;
  }
}
