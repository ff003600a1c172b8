package org.pcdguide.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pcdguide.core.render.ReportView;

/**
 * The evidence part of a card's detail, per knowledge entry: each source with its kind, grade and
 * labels, where in it and the sentence the entry rests on, then where sources disagree. It depends
 * on the entry alone, so it is written once per pack, with the JSON-escaped bytes a card's detail
 * is written with ({@link CardDetail}).
 */
final class CardEvidence {
  private final Map<String, Text> byEntry = new ConcurrentHashMap<>();

  /**
   * An entry's evidence text, and the same JSON-escaped in UTF-8 without quotes (null when only
   * Jackson's generator writes it: {@link CardDetail#quoted}).
   */
  record Text(String text, byte[] quoted) {
    static Text of(String text) {
      return new Text(text, CardDetail.quoted(text));
    }
  }

  /** The evidence text of the item's entry, written on its first card. */
  Text of(ReportView.Item e) {
    return byEntry.computeIfAbsent(e.id(), id -> Text.of(written(e)));
  }

  private static String written(ReportView.Item e) {
    StringBuilder d = new StringBuilder();
    d.append("**Evidence**\n\n");
    for (ReportView.Evidence ev : e.evidence()) {
      ReportView.SourceView s = ev.source();
      d.append("- ")
          .append(s.title())
          .append(" (")
          .append(s.kindWords())
          .append(", grade **")
          .append(s.grade().word())
          .append("**");
      for (String label : ev.labels()) {
        d.append(", **").append(label).append("**");
      }
      d.append("), ").append(ev.locator());
      ev.quote().ifPresent(q -> d.append(": \"").append(q).append("\""));
      d.append("\n");
    }
    for (ReportView.Disagreement dis : e.disagreements()) {
      d.append("\n*Sources disagree* (")
          .append(dis.source().id())
          .append(", grade ")
          .append(dis.source().grade().word())
          .append("): ")
          .append(dis.statement())
          .append("\n");
    }
    return d.toString();
  }
}
