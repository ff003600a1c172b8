package org.pcdguide.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes from its own buffer (no charset decoding, no per-byte calls), handling LF
 * and CRLF; a final line without a newline counts.
 */
final class LineReader {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1 << 14];
  private int length;
  private long number;
  private long consumed;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** Reads the next line into {@link #bytes()}; false at the end. */
  boolean next() throws IOException {
    length = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          break;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < limit) {
        position++; // the newline
        consumed += position - start;
        break;
      }
      consumed += position - start;
    }
    if (!any) {
      return false;
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    number++;
    return true;
  }

  private void append(int start, int n) {
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
    }
    System.arraycopy(buffer, start, line, length, n);
    length += n;
  }

  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  long number() {
    return number;
  }

  /** Bytes read so far (uncompressed). */
  long consumed() {
    return consumed;
  }

  boolean blank() {
    for (int i = 0; i < length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
