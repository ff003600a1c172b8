package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbered references of a text report: each distinct source-at-locator (with its quote) gets
 * the next number the first time it is cited, and the reference list shows kind, population, grade
 * and every label in capitals.
 */
final class References {
  private final Map<String, Integer> numbers = new LinkedHashMap<>();
  private final List<String> texts = new ArrayList<>();

  /** The distinct grades of the sources, each with its source id. */
  static String grades(List<ReportView.SourceView> sources) {
    return sources.stream()
        .map(s -> s.grade().word() + " (" + s.id() + ")")
        .distinct()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  String cite(List<ReportView.Evidence> evidence) {
    StringBuilder out = new StringBuilder();
    for (ReportView.Evidence ev : evidence) {
      out.append(cite(ev.source(), ev.locator(), ev));
    }
    return out.toString();
  }

  /** The reference number of a source at a locator; {@code ev} adds its quote, note, ids. */
  String cite(ReportView.SourceView s, String locator, ReportView.Evidence ev) {
    StringBuilder t = new StringBuilder();
    t.append(s.id()).append(": ").append(s.title()).append(". ");
    t.append(s.kindWords()).append("; ").append(s.populationText());
    t.append("; grade ").append(s.grade().word());
    for (String label : s.labels()) {
      t.append("; ").append(label.toUpperCase(Locale.ROOT));
    }
    t.append(". ").append(locator.isEmpty() ? "" : locator + ".");
    if (ev != null) {
      if (!ev.identified().isEmpty()) {
        t.append(" Identified: ").append(String.join(", ", ev.identified())).append(".");
      }
      ev.note().ifPresent(n -> t.append(" Note: ").append(n));
      ev.quote().ifPresent(q -> t.append(" \"").append(q).append("\""));
    }
    String key = t.toString();
    Integer n = numbers.get(key);
    if (n == null) {
      texts.add(key);
      n = texts.size();
      numbers.put(key, n);
    }
    return "[" + n + "]";
  }

  List<String> all() {
    return List.copyOf(texts);
  }
}
