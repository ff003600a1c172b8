package org.pcdguide.fhir;

import java.util.Set;

/** The names of the FHIR R4 resource types, from HAPI's R4 model. */
public final class FhirResourceTypes {
  private FhirResourceTypes() {}

  /** Every R4 resource type name ("Patient", "Encounter", ...). */
  public static Set<String> r4() {
    return Set.copyOf(HapiBundleCaseSource.context().getResourceTypes());
  }
}
