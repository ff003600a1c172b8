package org.pcdguide.bulk;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One NDJSON line of an export (UTF-8 bytes, parsed only once it is needed), with the file (by
 * index in the run's file list) and line number.
 */
public record Located(int file, long line, byte[] json) implements Serializable {
  public Located(int file, long line, String json) {
    this(file, line, json.getBytes(StandardCharsets.UTF_8));
  }
}
