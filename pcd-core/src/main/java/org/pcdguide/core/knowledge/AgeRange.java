package org.pcdguide.core.knowledge;

/**
 * The ages of a source's study population, as the source itself states them (e.g. "median age 59,
 * range 35-73"), with where it says so. A source that states none has no AgeRange: its coverage of
 * a given age is unknown, never assumed.
 */
public record AgeRange(int min, int max, String locator, String statement) {
  public AgeRange {
    if (min < 0 || max < min || max > 130) {
      throw new IllegalArgumentException(
          "an age range needs 0 <= min <= max <= 130, was " + min + "-" + max);
    }
  }

  /** Whether a patient of {@code age} years lies inside the ages studied (both ends included). */
  public boolean covers(int age) {
    return age >= min && age <= max;
  }

  /** "ages 35-73". */
  public String describe() {
    return "ages " + min + "-" + max;
  }
}
