package org.pcdguide.core.cases;

/** One invalid field of an input: where it is and what is wrong with it. */
public record Problem(String path, String message) {
  public Problem {
    if (path == null || message == null) {
      throw new IllegalArgumentException("path and message are required");
    }
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
