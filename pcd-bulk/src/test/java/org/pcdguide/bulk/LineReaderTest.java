package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines of an export, with the longest line an operator allows. */
class LineReaderTest {
  static List<String> read(String text, int max) throws IOException {
    LineReader r =
        new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    List<String> out = new ArrayList<>();
    while (r.next()) {
      out.add(
          r.number()
              + ":"
              + (r.tooLong()
                  ? "too long " + r.fullLength()
                  : new String(r.bytes(), 0, r.length(), StandardCharsets.UTF_8)));
    }
    return out;
  }

  @Test
  void overLongLines_areCountedNotKept_andTheNextLineIsIntact() throws IOException {
    String big = "x".repeat(100_000);
    assertThat(read("a\n" + big + "\nb\r\n" + big + "\r\nc", 10))
        .containsExactly("1:a", "2:too long 100000", "3:b", "4:too long 100000", "5:c");
  }

  @Test
  void theMaximumItself_isKept_withOrWithoutCr() throws IOException {
    assertThat(read("1234\r\n12345\n1234\r", 4))
        .containsExactly("1:1234", "2:too long 5", "3:1234");
    assertThat(read("12345\r\n", 4)).containsExactly("1:too long 5");
  }
}
