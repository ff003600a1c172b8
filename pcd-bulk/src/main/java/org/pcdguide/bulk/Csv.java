package org.pcdguide.bulk;

import java.util.List;

/** RFC 4180 CSV: one row per patient and finding. */
final class Csv {
  static final List<String> HEADER =
      List.of("patient", "finding", "rule", "strength", "diagnosis", "about");

  private Csv() {}

  static String row(List<String> row) {
    return row(row.toArray(String[]::new));
  }

  static String row(String... cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells[i];
      if (c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
