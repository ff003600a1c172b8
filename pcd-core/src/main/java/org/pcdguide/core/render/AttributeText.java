package org.pcdguide.core.render;

import org.pcdguide.core.knowledge.AttributeClass;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Vocabulary;

/** The wording of a class named by attribute, once for the text report and the rule pages. */
final class AttributeText {
  private AttributeText() {}

  static String classLine(ReportView.AttributeClassView c) {
    return "Class: every agent whose "
        + c.label()
        + " is "
        + c.value()
        + " in the pack's sources ("
        + (c.members().isEmpty() ? "none" : String.join(", ", c.members()))
        + ")"
        + (c.unsourced().isEmpty()
            ? ""
            : "; no pack source gives the "
                + c.label()
                + " of "
                + String.join(", ", c.unsourced()));
  }

  /** The rule page's section on a class named by attribute: each member with its sources. */
  static String ruleSection(AvoidEntry e, KnowledgePack pack) {
    if (e.byAttribute().isEmpty()) {
      return "";
    }
    AttributeClass c = e.byAttribute().get();
    Vocabulary v = pack.vocabulary();
    StringBuilder b = new StringBuilder("\n## Class by attribute\n\n");
    b.append("`class: {")
        .append(c.word())
        .append("}`: every agent whose ")
        .append(v.attributes().get(c.attribute()).label())
        .append(" is ")
        .append(c.value())
        .append(" in the pack's sources (vocabulary.yaml), including the components of a")
        .append(" proposed regimen.\n\n");
    for (String a : v.members(c)) {
      b.append("- **").append(a).append("**:");
      for (org.pcdguide.core.knowledge.Evidence ev :
          v.agents().get(a).attributes().get(c.attribute()).evidence()) {
        b.append(" ").append(ev.source()).append(", ").append(ev.locator());
        ev.quote().ifPresent(q -> b.append(": \"").append(q).append("\""));
        b.append(";");
      }
      b.setLength(b.length() - 1);
      b.append("\n");
    }
    if (!v.unsourced(c).isEmpty()) {
      b.append("\nNo pack source gives the ")
          .append(v.attributes().get(c.attribute()).label())
          .append(" of ")
          .append(String.join(", ", v.unsourced(c)))
          .append(": a proposed order containing one of them may hit this entry")
          .append(" (`may-hit-avoid`), never passes as unchecked.\n");
    }
    return b.toString();
  }
}
