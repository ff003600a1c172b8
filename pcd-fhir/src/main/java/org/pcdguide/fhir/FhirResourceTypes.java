package org.pcdguide.fhir;

import java.util.Set;

/**
 * The names of the FHIR R4 resource types (checked against HAPI's R4 model by FhirR4Test, without
 * loading HAPI's context at run time).
 */
public final class FhirResourceTypes {
  private FhirResourceTypes() {}

  /** Every R4 resource type name ("Patient", "Encounter", ...). */
  public static Set<String> r4() {
    return FhirR4.RESOURCE_TYPES;
  }
}
