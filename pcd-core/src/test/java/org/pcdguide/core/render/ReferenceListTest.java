package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8: the reference list cites each source once, with the quotes cited from it under
 * it (it used to repeat a source for every locator: seed-003 appeared 22 times in one report), and
 * every citation in the text resolves to a quote in the list.
 */
class ReferenceListTest {
  private static final Pattern SOURCE =
      Pattern.compile("^\\[(\\d+)\\] ([^:]+):", Pattern.MULTILINE);
  private static final Pattern CITE = Pattern.compile("\\[(\\d+\\.\\d+)\\]");

  @Test
  void textReport_everyCase_eachSourceOnceAndEveryCitationResolves() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ReportView> e : SummaryBlockTest.views().entrySet()) {
      String report = TextReport.render(e.getValue(), TextReport.Style.TEXT);
      int at = report.lastIndexOf("\nREFERENCES\n");
      String body = report.substring(0, at);
      String list = report.substring(at);
      Set<String> sources = new HashSet<>();
      Matcher s = SOURCE.matcher(list);
      while (s.find()) {
        if (!sources.add(s.group(2))) {
          problems.add(e.getKey() + ": " + s.group(2) + " listed twice");
        }
      }
      Matcher c = CITE.matcher(body);
      while (c.find()) {
        if (!list.contains("   [" + c.group(1) + "] ")) {
          problems.add(e.getKey() + ": [" + c.group(1) + "] not in the list");
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
