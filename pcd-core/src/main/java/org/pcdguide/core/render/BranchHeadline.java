package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.knowledge.EntryKind;

/**
 * The headline when the best disease-directed option holds only in one branch of an undecided fact
 * (issue 14, rule 2): no option is presented as the answer; the headline names each branch's first
 * option and the findings that decide between them ("if poems.extent = localized: ...; if ...:
 * ...").
 */
final class BranchHeadline {
  private static final java.util.regex.Pattern COMMA = java.util.regex.Pattern.compile(", ");

  private static final String PHASE_ONLY = "holds if the treatment phase";

  private BranchHeadline() {}

  /** Whether the option rests on an undecided fact of its own (not only on the phase). */
  static boolean branch(ReportView.Item i) {
    return i.conditional().filter(c -> !c.startsWith(PHASE_ONLY)).isPresent();
  }

  /** The statement, when the top disease-directed option is a branch option. */
  static Optional<String> of(List<ReportView.Item> recommendations) {
    Optional<ReportView.Item> top =
        recommendations.stream().filter(i -> i.kind() != EntryKind.SUPPORTIVE).findFirst();
    if (top.isEmpty() || !branch(top.get())) {
      return Optional.empty();
    }
    Map<String, String> first = new LinkedHashMap<>();
    Set<String> decidedBy = new LinkedHashSet<>();
    for (ReportView.Item i : recommendations) {
      if (i.kind() == EntryKind.SUPPORTIVE || !branch(i)) {
        continue;
      }
      String c = i.conditional().get();
      String when = between(c, "holds if ", "; decided by ");
      first.putIfAbsent(when, i.summary() + " [" + i.id() + "]");
      // a pattern compiled once: String.split(", ") compiles one on every CDS call
      for (String f : COMMA.split(between(c, "; decided by ", "; and "))) {
        decidedBy.add(f);
      }
    }
    List<String> parts = new ArrayList<>();
    first.forEach((when, option) -> parts.add("if " + when + ": " + option));
    return Optional.of(
        "The answer depends on undecided findings ("
            + String.join(", ", decidedBy)
            + "): "
            + String.join("; ", parts)
            + ". See the ranked options and the missing data.");
  }

  private static String between(String s, String from, String to) {
    int a = s.indexOf(from);
    int start = a < 0 ? 0 : a + from.length();
    int b = s.indexOf(to, start);
    return s.substring(start, b < 0 ? s.length() : b);
  }
}
