package org.pcdguide.core.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The summary block in the JSON report ({@code summary}, docs/spec/assessment.md): the lines as
 * worded here, so a consumer (the web page) shows them as given rather than rebuild them.
 */
final class SummaryJson {
  private SummaryJson() {}

  static void write(ArrayNode array, Summary s) {
    for (Summary.Line l : s.lines()) {
      ObjectNode n = array.addObject();
      n.put("kind", l.kind().word());
      n.put("text", l.text());
      ArrayNode entries = n.putArray("entries");
      l.entries().forEach(entries::add);
    }
  }
}
