package org.pcdguide.bulk;

import java.io.Serializable;

/**
 * A line or patient the run could not use: where (file and 1-based line; line 0 for a whole file;
 * the patient when known), what kind, and why. Written to errors.ndjson, counted in the summary.
 */
public record BulkError(String file, long line, String patient, String kind, String problem)
    implements Serializable {
  /** The kinds, as counted in the summary. */
  public static final String MALFORMED = "malformed-line";

  public static final String NO_PATIENT = "no-patient-reference";
  public static final String UNKNOWN_TYPE = "unknown-type";
  public static final String UNREADABLE_PATIENT = "unreadable-patient";
  public static final String NOT_RESOURCE_FILE = "not-a-resource-file";

  /** A file of the export folder that is not named after a resource type (skipped whole). */
  static BulkError notResourceFile(String name) {
    return new BulkError(
        name,
        0,
        "",
        NOT_RESOURCE_FILE,
        "not named after a FHIR resource type (Type.ndjson); skipped");
  }
}
