package org.pcdguide.core.cases;

import java.util.Optional;

/** Demographics and the clinician's transplant judgement; absent values stay unknown. */
public record Patient(Optional<Integer> age, String sex, Optional<Boolean> transplantEligible) {
  public Patient {
    age.ifPresent(
        a -> {
          if (a < 0 || a > 130) {
            throw new IllegalArgumentException("age must be 0..130, was " + a);
          }
        });
    if (sex == null) {
      throw new IllegalArgumentException("sex is required (use 'unknown')");
    }
  }

  public static Patient unknown() {
    return new Patient(Optional.empty(), "unknown", Optional.empty());
  }
}
