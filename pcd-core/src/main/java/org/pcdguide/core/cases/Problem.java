package org.pcdguide.core.cases;

/**
 * One invalid field of an input, or one note of a door about a field it read: where it is, what is
 * wrong with it, and of what kind it is, so that a door downstream tells "not checked" from a mere
 * remark by type, never by wording.
 */
public record Problem(String path, String message, Kind kind) {
  /** What a note says about the field. */
  public enum Kind {
    /** A remark, or a field that is invalid. */
    NOTE,
    /** The door could not read it (a code or a drug it does not know): nothing was checked. */
    NOT_CHECKED,
    /** Read by an ingredient or brand name only (no code it knows): the match needs checking. */
    MATCHED_BY_NAME
  }

  public Problem {
    if (path == null || message == null || kind == null) {
      throw new IllegalArgumentException("path, message and kind are required");
    }
  }

  public Problem(String path, String message) {
    this(path, message, Kind.NOTE);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
