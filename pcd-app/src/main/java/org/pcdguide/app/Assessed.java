package org.pcdguide.app;

import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;

/** A case read through its door and assessed, with the date it was assessed as of. */
public record Assessed(PatientCase patientCase, Assessment assessment, AsOf asOf) {
  public Assessed {
    if (patientCase == null || assessment == null || asOf == null) {
      throw new IllegalArgumentException("an assessed case needs its case, assessment and date");
    }
  }
}
