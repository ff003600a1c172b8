package org.pcdguide.core.render;

import java.util.List;
import java.util.Locale;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.KnowledgePack;

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

  private final ReportView v;
  private final Style style;
  private final StringBuilder out = new StringBuilder();
  private final References references = new References();

  private TextReport(ReportView v, Style style) {
    this.v = v;
    this.style = style;
  }

  public static String render(Assessment a, KnowledgePack pack, Style style) {
    return render(ReportView.of(a, pack), style);
  }

  public static String render(ReportView view, Style style) {
    return new TextReport(view, style).write();
  }

  private String write() {
    title(
        "PCD Guide assessment"
            + (v.caseId().isEmpty() ? "" : ": " + MarkdownText.patient(style, v.caseId())));
    line(
        "As of %s. Knowledge pack %s (%s)."
            .formatted(v.asOf(), v.knowledgeVersion(), v.knowledgeHash()));
    line("Decision support for a clinician; it does not replace clinical judgement.");
    heading("Summary");
    v.summary().lines().forEach(l -> raw(SummaryText.line(l, style)));
    heading("Headline");
    ReportView.Headline h = v.headline();
    line(strong(h.text()) + h.top().map(top -> " [" + top.id() + "]").orElse(""));
    for (ReportView.Flag f : h.flags()) {
      line(strong(f.text()) + " [" + String.join(", ", f.entries()) + "]");
    }
    for (ReportView.ProposedOrder o : v.proposedOrders().values()) {
      line("Proposed " + MarkdownText.patient(style, o.label()) + ": " + o.disposition() + ".");
    }
    diagnosis();
    sectionIfAny("Screening findings (evaluate before acting)", v.screening());
    section("Recommended options (ranked)", v.recommendations(), true);
    notOffered();
    section("Agents and approaches to avoid", v.avoid(), false);
    section("Pitfalls", v.pitfalls(), false);
    section("Monitoring", v.monitoring(), false);
    section("Expected response timeline", v.timeline(), false);
    sectionIfAny("Plan ahead (after a recommended or proposed procedure)", v.plan());
    sectionIfAny("Context (background, not recommendations)", v.context());
    trials();
    gaps();
    missing();
    warnings();
    references();
    return out.toString();
  }

  private void diagnosis() {
    heading("Diagnosis check");
    for (ReportView.Differential diff : v.differential()) {
      line(
          strong("Differential: " + diff.label() + ", " + diff.status().word().replace('-', ' '))
              + ". "
              + diff.statement()
              + " "
              + cite(diff.evidence()));
    }
    if (v.diagnosis().isEmpty()) {
      line("No disorder module assesses this case's label as its working diagnosis.");
      return;
    }
    ReportView.Diagnosis d = v.diagnosis().get();
    line(strong(d.label() + ": " + d.status().word().replace('-', ' ')));
    d.ruleStatement().ifPresent(r -> line(r + " " + cite(d.ruleEvidence())));
    for (ReportView.Criterion r : d.criteria()) {
      String mark =
          r.met() == Truth.TRUE ? "[met]    " : r.met() == Truth.FALSE ? "[not met]" : "[unknown]";
      bullet(
          mark
              + " "
              + r.title()
              + (r.because().isEmpty() ? "" : " (" + String.join("; ", r.because()) + ")"));
    }
    if (!v.extent().equals("not-assessed")) {
      line(
          "Extent: "
              + strong(v.extent())
              + (v.extentBecause().isEmpty()
                  ? ""
                  : " (" + String.join("; ", v.extentBecause()) + ")"));
    }
    for (ReportView.Differential diff : v.differential()) {
      line("Differential: " + diff.statement() + " " + cite(diff.evidence()));
    }
  }

  private void section(String name, List<ReportView.Item> items, boolean numbered) {
    heading(name);
    if (items.isEmpty()) {
      line("None for this patient.");
      return;
    }
    for (ReportView.Item i : items) {
      String lead = numbered ? i.rank() + ". " : "- ";
      String tag =
          "["
              + i.id()
              + ", "
              + i.kind().word()
              + i.severity().map(s -> ", " + s.word()).orElse("")
              + "]";
      raw(lead + strong(i.summary()) + " " + tag);
      indent(i.statement() + " (" + i.strength().word() + ") " + cite(i.evidence()));
      String grades = References.grades(i.gradedSources());
      if (!i.labels().isEmpty()) {
        indent("Evidence: " + String.join("; ", i.labels()) + "; grade " + grades + ".");
      } else {
        indent("Evidence grade " + grades + ".");
      }
      if (!i.proposed().isEmpty()) {
        indent(strong("Proposed order hits this entry: " + join(i.proposedLabels()) + "."));
      }
      if (!i.proposedOrders().isEmpty()) {
        indent(strong("Proposed order for this option: " + join(i.proposedOrders()) + "."));
      }
      i.given().ifPresent(g -> indent("History: " + g + "."));
      i.conditional().ifPresent(c -> indent(strong("Conditional: " + c + ".")));
      i.renalDosing().ifPresent(r -> indent(strong(r.statement() + ".")));
      i.byAttribute().ifPresent(c -> indent(AttributeText.classLine(c) + "."));
      if (!i.because().isEmpty()) {
        indent("Because: " + String.join("; ", i.because()) + ".");
      }
      if (!i.thenPending().isEmpty()) {
        indent("Then, if decided: " + join(i.thenPendingLabels()) + " (see missing data).");
      }
      i.schedule().ifPresent(s -> indent("Schedule: " + s + "."));
      if (i.windowFrom().isPresent()) {
        indent("Reassess between " + i.windowFrom().get() + " and " + i.windowTo().get() + ".");
      }
      for (ReportView.Disagreement d : i.disagreements()) {
        indent("Sources disagree: " + d.statement() + " " + cite(d.source(), d.locator(), null));
      }
    }
  }

  private void sectionIfAny(String name, List<ReportView.Item> items) {
    if (!items.isEmpty()) {
      section(name, items, false);
    }
  }

  private void notOffered() {
    if (v.notOffered().isEmpty()) {
      return;
    }
    heading("Not offered (the history, the treatment phase or a module conflict rules them out)");
    for (ReportView.NotOffered n : v.notOffered()) {
      bullet(strong(n.title()) + " [" + n.id() + "]: " + n.statement());
    }
  }

  private static String join(List<String> words) {
    return String.join(", ", words);
  }

  private void trials() {
    if (v.trials().isEmpty()) {
      return;
    }
    heading("Investigational options and trials");
    for (ReportView.Trial t : v.trials()) {
      raw(
          "- "
              + strong(t.title())
              + t.registry().map(r -> " (" + r + ")").orElse("")
              + " ["
              + t.id()
              + "]");
      indent(
          "Eligible: "
              + strong(t.eligible().word())
              + (t.because().isEmpty() ? "" : " (" + String.join("; ", t.because()) + ")")
              + (t.missing().isEmpty() ? "" : "; missing: " + String.join(", ", t.missing()))
              + ".");
      indent(t.statement() + " " + cite(t.evidence()));
      indent(
          "Evidence: "
              + (t.labels().isEmpty() ? "" : String.join("; ", t.labels()) + "; ")
              + "grade "
              + References.grades(t.gradedSources())
              + ".");
    }
  }

  private void gaps() {
    if (v.sourceGaps().isEmpty()) {
      return;
    }
    heading("Known gaps in the sources");
    for (ReportView.SourceGap g : v.sourceGaps()) {
      bullet(g.section() + ": " + g.statement() + " " + cite(g.source(), g.locator(), null));
    }
  }

  private void missing() {
    heading("Missing data that would change the answer");
    if (v.missingData().isEmpty()) {
      line("None.");
      return;
    }
    for (Assessment.MissingData m : v.missingData()) {
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
    if (v.warnings().isEmpty()) {
      return;
    }
    heading("Warnings");
    for (ReportView.Warning w : v.warnings()) {
      bullet(MarkdownText.patient(style, w.statement()) + " [" + w.id() + "]");
    }
  }

  private void references() {
    heading("References");
    references.write(out, style == Style.MARKDOWN);
  }

  private String cite(List<ReportView.Evidence> evidence) {
    return references.cite(evidence);
  }

  private String cite(ReportView.SourceView s, String locator, ReportView.Evidence ev) {
    return references.cite(s, locator, ev);
  }

  private String strong(String s) {
    return style == Style.MARKDOWN ? "**" + s + "**" : s;
  }

  private void title(String s) {
    out.append(style == Style.MARKDOWN ? "# " + s : s.toUpperCase(Locale.ROOT)).append("\n\n");
  }

  private void heading(String s) {
    out.append("\n")
        .append(style == Style.MARKDOWN ? "## " + s : s.toUpperCase(Locale.ROOT))
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
