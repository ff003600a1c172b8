package org.pcdguide.app;

/**
 * One assessment's report in the requested format, with the date it was made as of: what the caller
 * shows and, beside the input, what the audit log records.
 */
public record Report(OutputFormat format, String text, AsOf asOf) {
  /** The audit log's kind for a report in {@code format}. */
  public static String kind(OutputFormat format) {
    return "assess:" + format.word();
  }

  public Report {
    if (format == null || text == null || asOf == null) {
      throw new IllegalArgumentException("a report needs its format, text and date");
    }
  }
}
