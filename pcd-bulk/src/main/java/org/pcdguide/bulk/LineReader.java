package org.pcdguide.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes from its own buffer (no charset decoding, no per-byte calls), handling LF
 * and CRLF; a final line without a newline counts. A line longer than the maximum is not buffered:
 * it is read through to its newline, counted, and returned as {@link #tooLong()} with no bytes, so
 * memory stays at most the maximum whatever the input (a gzip of one endless line is a few KB).
 */
final class LineReader {
  private final InputStream in;
  private final int max;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1 << 14];
  private int length;
  private long fullLength;
  private long number;
  private long consumed;

  /** A reader of lines of at most {@code max} bytes (without the line end). */
  LineReader(InputStream in, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("maximum line length must be positive, was " + max);
    }
    this.in = in;
    this.max = max;
  }

  /** Reads the next line into {@link #bytes()}; false at the end. */
  boolean next() throws IOException {
    length = 0;
    fullLength = 0;
    boolean any = false;
    boolean cr = false;
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
      int n = position - start;
      if (n > 0) {
        cr = buffer[position - 1] == '\r';
      }
      append(start, n);
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
    if (cr) {
      fullLength--;
      if (length > 0) {
        length--;
      }
    }
    if (fullLength > max) {
      length = 0;
    }
    number++;
    return true;
  }

  private void append(int start, int n) {
    fullLength += n;
    // one byte more than the maximum is kept, for a CR that the line end drops
    if (fullLength > (long) max + 1) {
      length = 0; // too long: counted, not kept
      return;
    }
    if (length + n > line.length) {
      long grown = Math.max(2L * line.length, (long) length + n);
      line = Arrays.copyOf(line, (int) Math.min(grown, (long) max + 1));
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

  /** Whether the last line was longer than the maximum (then it has no bytes). */
  boolean tooLong() {
    return fullLength > max;
  }

  /** The length of the last line, also when it was too long to keep. */
  long fullLength() {
    return fullLength;
  }

  long number() {
    return number;
  }

  /** Bytes read so far (uncompressed). */
  long consumed() {
    return consumed;
  }

  boolean blank() {
    if (tooLong()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
