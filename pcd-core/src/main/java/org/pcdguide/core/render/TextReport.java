package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.Disagreement;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Source;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The clinician's report, as plain text or Markdown: the headline recommendation first, then the
 * sections of the seed summaries specific to this patient, then numbered references with kind and
 * grade and the exact sentence each rests on.
 */
public final class TextReport {
  /** Plain text for a terminal, or Markdown for a document or web page. */
  public enum Style {
    TEXT,
    MARKDOWN
  }

  private final Assessment a;
  private final KnowledgePack pack;
  private final Style style;
  private final StringBuilder out = new StringBuilder();
  private final Map<String, Integer> refs = new LinkedHashMap<>();
  private final List<String> refText = new ArrayList<>();

  private TextReport(Assessment a, KnowledgePack pack, Style style) {
    this.a = a;
    this.pack = pack;
    this.style = style;
  }

  public static String render(Assessment a, KnowledgePack pack, Style style) {
    return new TextReport(a, pack, style).write();
  }

  private String write() {
    title("PCD Guide assessment" + (a.caseId().isEmpty() ? "" : ": " + a.caseId()));
    line(
        "As of "
            + a.asOf()
            + ". Knowledge pack "
            + a.knowledgeVersion()
            + " ("
            + a.knowledgeHash()
            + ").");
    line("Decision support for a clinician; it does not replace clinical judgement.");
    heading("Headline");
    Headline.top(a)
        .ifPresentOrElse(
            top -> line(strong(summary(top)) + " [" + top.entry().id() + "]"),
            () -> line(strong(Headline.noRecommendation(a, pack))));
    Map<String, List<String>> flagged = new LinkedHashMap<>();
    for (Assessment.Item i : a.avoid()) {
      if (!i.proposed().isEmpty()) {
        String key =
            i.severity().equals("critical")
                ? "CRITICAL: proposed " + words(i.proposed()) + " is to be avoided for this patient"
                : "CAUTION: proposed " + words(i.proposed()) + " calls for caution in this patient";
        flagged.computeIfAbsent(key, k -> new ArrayList<>()).add(i.entry().id());
      }
    }
    flagged.forEach((text, ids) -> line(strong(text) + " [" + String.join(", ", ids) + "]"));
    diagnosis();
    section("Recommended options (ranked)", a.recommendations(), true);
    section("Agents and approaches to avoid", a.avoid(), false);
    section("Pitfalls", a.pitfalls(), false);
    section("Monitoring", a.monitoring(), false);
    section("Expected response timeline", a.timeline(), false);
    if (!a.context().isEmpty()) {
      section("Context (background, not recommendations)", a.context(), false);
    }
    trials();
    gaps();
    missing();
    warnings();
    references();
    return out.toString();
  }

  private void diagnosis() {
    heading("Diagnosis check");
    for (Assessment.Differential diff : a.differential()) {
      line(
          strong(
                  "Differential: "
                      + pack.vocabulary().label(diff.disorder())
                      + ", "
                      + diff.status().replace('-', ' '))
              + ". "
              + diff.statement()
              + " "
              + diff.rule().map(r -> cite(r.evidence())).orElse(""));
    }
    if (a.diagnosis().isEmpty()) {
      line("No disorder module assesses this case's label as its working diagnosis.");
      return;
    }
    Assessment.DiagnosisCheck d = a.diagnosis().get();
    line(strong(pack.vocabulary().label(d.disorder()) + ": " + d.status().replace('-', ' ')));
    d.rule().ifPresent(r -> line(r.statement() + " " + cite(r.evidence())));
    for (Assessment.CriterionResult r : d.criteria()) {
      String mark = r.met().map(m -> m ? "[met]    " : "[not met]").orElse("[unknown]");
      bullet(
          mark
              + " "
              + r.entry().title()
              + (r.because().isEmpty() ? "" : " (" + String.join("; ", r.because()) + ")"));
    }
    if (!a.extent().equals("not-assessed")) {
      line("Extent: " + strong(a.extent()) + extentWhy());
    }
    for (Assessment.Differential diff : a.differential()) {
      line(
          "Differential: "
              + diff.statement()
              + " "
              + diff.rule().map(r -> cite(r.evidence())).orElse(""));
    }
  }

  private String extentWhy() {
    return a.facts().entrySet().stream()
        .filter(f -> f.getKey().endsWith(".extent"))
        .findFirst()
        .map(f -> " (" + String.join("; ", f.getValue().because()) + ")")
        .orElse("");
  }

  private void section(String name, List<Assessment.Item> items, boolean numbered) {
    heading(name);
    if (items.isEmpty()) {
      line("None for this patient.");
      return;
    }
    for (Assessment.Item i : items) {
      Entry e = i.entry();
      String lead = numbered ? i.rank() + ". " : "- ";
      String tag =
          "["
              + e.id()
              + ", "
              + e.kind().word()
              + (i.severity().isEmpty() ? "" : ", " + i.severity())
              + "]";
      raw(lead + strong(summary(i)) + " " + tag);
      indent(e.statement() + " (" + e.strength() + ") " + cite(e.evidence()));
      List<String> labels = Labels.of(e, pack);
      if (!labels.isEmpty()) {
        indent("Evidence: " + String.join("; ", labels) + "; grade " + grades(e) + ".");
      } else {
        indent("Evidence grade " + grades(e) + ".");
      }
      if (!i.proposed().isEmpty()) {
        indent(strong("Proposed order hits this entry: " + words(i.proposed()) + "."));
      }
      if (!i.because().isEmpty()) {
        indent("Because: " + String.join("; ", i.because()) + ".");
      }
      if (!i.thenPending().isEmpty()) {
        indent("Then, if decided: " + words(i.thenPending()) + " (see missing data).");
      }
      e.schedule().ifPresent(s -> indent("Schedule: " + s + "."));
      if (i.windowFrom().isPresent()) {
        indent("Reassess between " + i.windowFrom().get() + " and " + i.windowTo().get() + ".");
      }
      for (Disagreement d : e.disagreements()) {
        Source s = pack.source(d.source());
        indent("Sources disagree: " + d.statement() + " " + citeSource(s, d.locator(), null, null));
      }
    }
  }

  private String summary(Assessment.Item i) {
    Entry e = i.entry();
    String title = e.title().isEmpty() ? e.statement() : e.title();
    if (!i.then().isEmpty()) {
      title += ", then " + words(i.then());
    }
    return title;
  }

  private String grades(Entry e) {
    return e.evidence().stream()
        .map(ev -> pack.source(ev.source()))
        .map(s -> s.grade() + " (" + s.id() + ")")
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private void trials() {
    if (a.trials().isEmpty()) {
      return;
    }
    heading("Investigational options and trials");
    for (Assessment.Trial t : a.trials()) {
      Entry e = t.entry();
      raw(
          "- "
              + strong(e.title())
              + e.registry().map(r -> " (" + r + ")").orElse("")
              + " ["
              + e.id()
              + "]");
      indent(
          "Eligible: "
              + strong(t.eligible())
              + (t.because().isEmpty() ? "" : " (" + String.join("; ", t.because()) + ")")
              + (t.missing().isEmpty() ? "" : "; missing: " + String.join(", ", t.missing()))
              + ".");
      indent(e.statement() + " " + cite(e.evidence()));
      List<String> labels = Labels.of(e, pack);
      indent(
          "Evidence: "
              + (labels.isEmpty() ? "" : String.join("; ", labels) + "; ")
              + "grade "
              + grades(e)
              + ".");
    }
  }

  private void gaps() {
    if (a.sourceGaps().isEmpty()) {
      return;
    }
    heading("Known gaps in the sources");
    for (org.pcdguide.core.knowledge.DisorderModule.SourceGap g : a.sourceGaps()) {
      bullet(
          g.section()
              + ": "
              + g.statement()
              + " "
              + citeSource(pack.source(g.source()), g.locator(), null, null));
    }
  }

  private void missing() {
    heading("Missing data that would change the answer");
    if (a.missingData().isEmpty()) {
      line("None.");
      return;
    }
    for (Assessment.MissingData m : a.missingData()) {
      bullet(
          strong(m.finding())
              + ": "
              + m.statement()
              + " (decides "
              + m.decides()
              + "; holds back "
              + String.join(", ", m.blocks())
              + ")");
    }
  }

  private void warnings() {
    if (a.warnings().isEmpty()) {
      return;
    }
    heading("Warnings");
    for (Assessment.Warning w : a.warnings()) {
      bullet(w.statement() + " [" + w.id() + "]");
    }
  }

  private void references() {
    heading("References");
    for (int i = 0; i < refText.size(); i++) {
      line("[" + (i + 1) + "] " + refText.get(i));
    }
  }

  private String cite(List<Evidence> evidence) {
    List<String> numbers = new ArrayList<>();
    for (Evidence ev : evidence) {
      Source s = pack.source(ev.source());
      numbers.add(citeSource(s, ev.locator(), ev.quote().orElse(null), ev));
    }
    return String.join("", numbers);
  }

  private String citeSource(Source s, String locator, String quote, Evidence ev) {
    StringBuilder t = new StringBuilder();
    t.append(s.id()).append(": ").append(s.title()).append(". ");
    t.append(Citations.kindWords(s)).append("; ").append(Citations.population(s));
    t.append("; grade ").append(s.grade());
    for (String label : s.labels()) {
      t.append("; ").append(label.toUpperCase(java.util.Locale.ROOT));
    }
    t.append(". ").append(locator.isEmpty() ? "" : locator + ".");
    if (ev != null) {
      List<String> identified = Citations.identified(ev, pack);
      if (!identified.isEmpty()) {
        t.append(" Identified: ").append(String.join(", ", identified)).append(".");
      }
      ev.note().ifPresent(n -> t.append(" Note: ").append(n));
    }
    if (quote != null) {
      t.append(" \"").append(quote).append("\"");
    }
    String key = t.toString();
    Integer n = refs.get(key);
    if (n == null) {
      refText.add(key);
      n = refText.size();
      refs.put(key, n);
    }
    return "[" + n + "]";
  }

  private String words(List<String> ids) {
    Vocabulary v = pack.vocabulary();
    return ids.stream().map(v::label).collect(Collectors.joining(", "));
  }

  private String strong(String s) {
    return style == Style.MARKDOWN ? "**" + s + "**" : s;
  }

  private void title(String s) {
    out.append(style == Style.MARKDOWN ? "# " + s : s.toUpperCase(java.util.Locale.ROOT))
        .append("\n\n");
  }

  private void heading(String s) {
    out.append("\n")
        .append(style == Style.MARKDOWN ? "## " + s : s.toUpperCase(java.util.Locale.ROOT))
        .append("\n\n");
  }

  private void line(String s) {
    out.append(s).append(style == Style.MARKDOWN ? "\n\n" : "\n");
  }

  private void raw(String s) {
    out.append(s).append("\n");
  }

  private void bullet(String s) {
    out.append("- ").append(s).append("\n");
  }

  private void indent(String s) {
    out.append("   ").append(s).append("\n");
  }
}
