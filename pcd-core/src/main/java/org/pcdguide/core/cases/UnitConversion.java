package org.pcdguide.core.cases;

/**
 * What converting a value to another unit gave: the value, or why there is none. Each door words
 * the reasons for its own fields (a case file's {@code labs[0].unit}, an Observation's {@code
 * valueQuantity.code}).
 */
public sealed interface UnitConversion {
  /** The value in the target unit, a finite number. */
  record Converted(double value) implements UnitConversion {
    public Converted {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a converted value must be finite, was " + value);
      }
    }
  }

  /** Not a UCUM unit, or a unit of another dimension than the target. */
  record Incompatible() implements UnitConversion {}

  /**
   * A unit refused before or while converting: too long or complex for the bounds, or not converted
   * within the time budget. {@code reason} completes "'unit' ...".
   */
  record Refused(String reason) implements UnitConversion {}

  /** The value converts to a number outside the range of a double (or was not a number). */
  record OutOfRange() implements UnitConversion {}
}
