package org.pcdguide.core.cases;

import java.io.InputStream;
import java.math.BigDecimal;
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

  /** Linear factors already worked out by UCUM, per "from -> to" (empty: not convertible). */
  private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Double>> FACTORS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Units() {}

  /**
   * Converts {@code value} from {@code from} to {@code to}. Empty when {@code from} is not a valid
   * UCUM unit or is of another dimension.
   */
  public static Optional<Double> convert(double value, String from, String to) {
    if (from.equals(to)) {
      return Optional.of(value);
    }
    return FACTORS.computeIfAbsent(from + " -> " + to, k -> factor(from, to)).map(f -> value * f);
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
    } catch (UcumException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code unit} is a valid UCUM expression. */
  public static boolean isValid(String unit) {
    try {
      return service().validate(unit) == null;
    } catch (RuntimeException e) {
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
