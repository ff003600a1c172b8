package org.pcdguide.app;

/**
 * A request the assessment service cannot carry out as asked (an unknown output format, a date that
 * is not YYYY-MM-DD); the message names the value and what is accepted.
 */
public final class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RequestException(String message) {
    super(message);
  }
}
