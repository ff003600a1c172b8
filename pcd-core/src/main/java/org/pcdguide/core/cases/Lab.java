package org.pcdguide.core.cases;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One laboratory result, already converted to the vocabulary's canonical UCUM unit (as is its
 * reference range); the value and unit as written are kept for the trace.
 */
public record Lab(
    String test,
    double value,
    String unit,
    Optional<LocalDate> date,
    Optional<Double> referenceLow,
    Optional<Double> referenceHigh,
    double statedValue,
    String statedUnit) {
  public Lab {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(test + " value must be a finite number, was " + value);
    }
  }
}
