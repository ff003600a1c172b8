package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbered references of a text report: each source gets the next number the first time it is
 * cited and appears once in the list (kind, population, grade and every label in capitals), with
 * each distinct locator and quote cited from it numbered under it, so a statement cites {@code
 * [3.2]}: source 3, its second quote.
 */
final class References {
  /** One source in the list, with the locators and quotes cited from it, in citation order. */
  record Cited(int number, String source, List<String> quotes) {}

  private final Map<String, Integer> numbers = new LinkedHashMap<>();
  private final List<String> sources = new ArrayList<>();
  private final List<Map<String, Integer>> quotes = new ArrayList<>();

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
    Integer n = numbers.get(s.id());
    if (n == null) {
      StringBuilder t = new StringBuilder();
      t.append(s.id()).append(": ").append(s.title()).append(". ");
      t.append(s.kindWords()).append("; ").append(s.populationText());
      t.append("; grade ").append(s.grade().word());
      for (String label : s.labels()) {
        t.append("; ").append(label.toUpperCase(Locale.ROOT));
      }
      sources.add(t.append(".").toString());
      quotes.add(new LinkedHashMap<>());
      n = sources.size();
      numbers.put(s.id(), n);
    }
    Map<String, Integer> cited = quotes.get(n - 1);
    String key = quote(locator, ev);
    Integer m = cited.get(key);
    if (m == null) {
      m = cited.size() + 1;
      cited.put(key, m);
    }
    return "[" + n + "." + m + "]";
  }

  private static String quote(String locator, ReportView.Evidence ev) {
    StringBuilder t = new StringBuilder(locator.isEmpty() ? "" : locator + ".");
    if (ev != null) {
      if (!ev.identified().isEmpty()) {
        t.append(" Identified: ").append(String.join(", ", ev.identified())).append(".");
      }
      ev.note().ifPresent(n -> t.append(" Note: ").append(n));
      ev.quote().ifPresent(q -> t.append(" \"").append(q).append("\""));
    }
    String s = t.toString().strip();
    return s.isEmpty() ? "(no locator)" : s;
  }

  /** The list: each source once, its quotes indented under it (a nested list in Markdown). */
  void write(StringBuilder out, boolean markdown) {
    for (Cited c : all()) {
      out.append("[").append(c.number()).append("] ").append(c.source()).append("\n");
      for (int q = 0; q < c.quotes().size(); q++) {
        out.append(markdown ? "   - [" : "   [").append(c.number()).append(".").append(q + 1);
        out.append("] ").append(c.quotes().get(q)).append("\n");
      }
      if (markdown) {
        out.append("\n");
      }
    }
  }

  List<Cited> all() {
    List<Cited> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      out.add(new Cited(i + 1, sources.get(i), List.copyOf(quotes.get(i).keySet())));
    }
    return out;
  }
}
