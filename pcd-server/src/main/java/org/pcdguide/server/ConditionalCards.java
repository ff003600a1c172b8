package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.render.ReportView;

/**
 * The patient-view card when the answer depends on an undecided finding (issue 14, rule 2): no
 * option is the headline, so instead of no recommendation card at all, one info card gives the
 * headline's statement and each conditional option with what it holds if and what decides it.
 */
final class ConditionalCards {
  private ConditionalCards() {}

  static void add(ArrayNode cards, ReportView a, CardIds ids, String label, String report) {
    List<ReportView.Item> branches =
        a.recommendations().stream()
            .filter(i -> i.kind() != EntryKind.SUPPORTIVE && i.conditional().isPresent())
            .toList();
    if (a.headline().top().isPresent() || branches.isEmpty()) {
      return;
    }
    StringBuilder d = new StringBuilder(a.headline().statement()).append("\n\n");
    for (ReportView.Item i : branches) {
      d.append("- **")
          .append(i.rank())
          .append(". ")
          .append(i.summary())
          .append("** [")
          .append(i.id())
          .append("]: ")
          .append(i.conditional().get())
          .append("\n");
    }
    ObjectNode c = cards.addObject();
    c.put("uuid", ids.of("conditional-options").toString());
    c.put("summary", Cards.shorten(a.headline().statement(), 139));
    c.put("detail", d.toString());
    c.put("indicator", "info");
    c.putObject("source").put("label", label);
    Cards.reportLink(c, report);
  }
}
