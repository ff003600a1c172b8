/**
 * The case door: reads a case file (YAML or JSON) into a validated {@link
 * org.pcdguide.core.cases.PatientCase}, converting units with UCUM and reporting every problem at
 * once. Every other door (FHIR, CDS Hooks, bulk) produces the same {@code PatientCase}.
 */
@org.jspecify.annotations.NullMarked
package org.pcdguide.core.cases;
