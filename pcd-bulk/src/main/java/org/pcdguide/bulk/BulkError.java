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
  public static final String LINE_TOO_LONG = "line-too-long";
  public static final String UNREADABLE_FILE = "unreadable-file";
  public static final String LINK_NOT_FOLLOWED = "link-not-followed";

  /** A file of the export folder that is not named after a resource type (skipped whole). */
  static BulkError notResourceFile(String name) {
    return new BulkError(
        name,
        0,
        "",
        NOT_RESOURCE_FILE,
        "not named after a FHIR resource type (Type.ndjson); skipped");
  }

  /** A symbolic link in the export folder (never followed). */
  static BulkError linkNotFollowed(String name) {
    return new BulkError(
        name,
        0,
        "",
        LINK_NOT_FOLLOWED,
        "a symbolic link; links in the export folder are not followed (skipped)");
  }

  /**
   * A file that broke off at {@code line} (corrupt or truncated gzip, a read error): the lines
   * before it were used, the rest of the file was not.
   */
  static BulkError unreadableFile(String name, long line, java.io.IOException e) {
    String why =
        e instanceof java.io.EOFException
            ? "truncated (the data ends early)"
            : e instanceof java.util.zip.ZipException
                ? "corrupt gzip data (" + e.getMessage() + ")"
                : "cannot be read (" + e.getMessage() + ")";
    String used =
        line <= 1 ? "nothing was read" : "lines 1-" + (line - 1) + " were read, the rest was not";
    return new BulkError(name, line, "", UNREADABLE_FILE, why + "; " + used);
  }
}
