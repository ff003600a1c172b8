package org.pcdguide.bulk;

/** A screening run that cannot start or finish (no such folder, disk full); names what and why. */
public final class BulkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BulkException(String message) {
    super(message);
  }

  public BulkException(String message, Throwable cause) {
    super(message, cause);
  }
}
