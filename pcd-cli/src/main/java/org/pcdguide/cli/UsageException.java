package org.pcdguide.cli;

/** Invalid input that is not a case-file problem: a missing file, a bad date, a bad output path. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
