package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pcdguide.core.engine.DiagnosisStatus;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.Severity;

/**
 * The one-screen summary that opens every report (issue 14, item 8): at most {@link #MAX_LINES}
 * lines, built once from the {@link ReportView} and worded here, so the text, Markdown, JSON and
 * the web page show the same lines. What must be seen is never cut (the diagnosis, every critical
 * warning and conflict, the headline, every proposed order); the top options and the most decisive
 * missing data fill the rest, and a last line says what the full report holds beyond them.
 */
public record Summary(List<Line> lines) {
  /** The most lines the block holds (the brief output adds one title line). */
  public static final int MAX_LINES = 14;

  private static final int TOP = 3;

  public Summary {
    lines = List.copyOf(lines);
  }

  /** What a line says; its word is the JSON {@code summary[].kind}. */
  public enum Kind {
    DIAGNOSIS,
    CRITICAL,
    WARNING,
    HEADLINE,
    ORDER,
    OPTION,
    MISSING,
    MORE;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One line of the block: its kind, its wording, and the knowledge entries it names. */
  public record Line(Kind kind, String text, List<String> entries) {
    public Line {
      entries = List.copyOf(entries);
    }

    /** Whether the reader must resolve it before acting. */
    public boolean critical() {
      return kind == Kind.CRITICAL;
    }
  }

  /** The summary of one report. */
  public static Summary of(ReportView v) {
    List<Line> must = new ArrayList<>();
    must.add(new Line(Kind.DIAGNOSIS, diagnosis(v), List.of()));
    must.addAll(alerts(v));
    must.add(headline(v.headline()));
    for (ReportView.ProposedOrder o : v.proposedOrders().values()) {
      must.add(
          new Line(
              Kind.ORDER,
              "Proposed " + o.label() + ": " + o.disposition() + ".",
              o.verdicts().stream().flatMap(x -> x.entry().stream()).distinct().toList()));
    }
    List<ReportView.Item> options = v.recommendations();
    int room = Math.max(0, MAX_LINES - must.size() - 1);
    int shownOptions = Math.min(Math.min(TOP, options.size()), room);
    int shownMissing = Math.min(Math.min(TOP, v.missingData().size()), room - shownOptions);
    List<Line> out = new ArrayList<>(must);
    for (ReportView.Item i : options.subList(0, shownOptions)) {
      out.add(new Line(Kind.OPTION, option(i), List.of(i.id())));
    }
    for (int k = 0; k < shownMissing; k++) {
      var m = v.missingData().get(k);
      out.add(new Line(Kind.MISSING, "Missing: " + m.finding() + ": " + m.statement(), List.of()));
    }
    int moreOptions = options.size() - shownOptions;
    int moreMissing = v.missingData().size() - shownMissing;
    if (moreOptions > 0 || moreMissing > 0) {
      out.add(new Line(Kind.MORE, more(moreOptions, moreMissing), List.of()));
    }
    return new Summary(out);
  }

  private static String diagnosis(ReportView v) {
    if (v.diagnosis().isEmpty()) {
      if (v.differential().isEmpty()) {
        return "Diagnosis: no module assesses this case's label as its working diagnosis.";
      }
      return "Diagnosis: no working diagnosis; differential: "
          + String.join(
              ", ",
              v.differential().stream()
                  .map(d -> d.label() + " (" + words(d.status()) + ")")
                  .toList())
          + ".";
    }
    ReportView.Diagnosis d = v.diagnosis().get();
    String lead = "Diagnosis: " + d.label() + ", " + words(d.status());
    return switch (d.status()) {
      case CRITERIA_MET -> lead + ".";
      case CRITERIA_NOT_MET -> lead + " (" + firstThree(decisive(d.because())) + ").";
      case STATED, INSUFFICIENT_DATA -> {
        List<String> unknown =
            d.criteria().stream()
                .filter(c -> c.met() == Truth.UNKNOWN)
                .map(ReportView.Criterion::title)
                .toList();
        yield lead
            + (unknown.isEmpty()
                ? "."
                : (d.status() == DiagnosisStatus.STATED ? "; undocumented: " : "; not known: ")
                    + firstThree(unknown)
                    + ".");
      }
    };
  }

  /** Of why the criteria are not met, the parts that fail (not the criteria that are met). */
  private static List<String> decisive(List<String> because) {
    List<String> failing =
        because.stream()
            .filter(b -> b.contains("not met") || b.contains("none met") || !b.endsWith(" met"))
            .toList();
    return failing.isEmpty() ? because : failing;
  }

  private static String words(DiagnosisStatus s) {
    return s == DiagnosisStatus.STATED
        ? "stated (the working diagnosis)"
        : s.word().replace('-', ' ');
  }

  /** Critical flags first, then the other flags, then conflicts not already flagged. */
  private static List<Line> alerts(ReportView v) {
    List<Line> critical = new ArrayList<>();
    List<Line> other = new ArrayList<>();
    for (ReportView.Flag f : v.headline().flags()) {
      Line l =
          new Line(
              f.severity() == Severity.CRITICAL ? Kind.CRITICAL : Kind.WARNING,
              f.text() + (f.entries().isEmpty() ? "" : " [" + String.join(", ", f.entries()) + "]"),
              f.entries());
      (l.critical() ? critical : other).add(l);
    }
    for (ReportView.Warning w : v.warnings()) {
      if (!(w.critical() || w.conflict()) || flagged(v, w)) {
        continue;
      }
      Line l = new Line(w.critical() ? Kind.CRITICAL : Kind.WARNING, w.statement(), List.of());
      (l.critical() ? critical : other).add(l);
    }
    critical.addAll(other);
    return critical;
  }

  /** Whether a headline flag already names every entry of the warning's id (a module conflict). */
  private static boolean flagged(ReportView v, ReportView.Warning w) {
    return v.headline().flags().stream()
        .anyMatch(
            f -> !f.entries().isEmpty() && f.entries().stream().allMatch(e -> w.id().contains(e)));
  }

  private static Line headline(ReportView.Headline h) {
    if (h.top().isEmpty()) {
      return new Line(Kind.HEADLINE, "Headline: " + h.statement(), List.of());
    }
    ReportView.Item top = h.top().get();
    return new Line(
        Kind.HEADLINE,
        "Headline: " + top.summary() + " [" + top.id() + "]; " + evidence(top) + ".",
        List.of(top.id()));
  }

  private static String option(ReportView.Item i) {
    return "Option "
        + i.rank()
        + ": "
        + i.summary()
        + " ["
        + i.id()
        + ", "
        + i.kind().word()
        + (i.kind() == EntryKind.SUPPORTIVE ? "" : ", " + i.strength().word())
        + "]; "
        + evidence(i)
        + i.conditional().map(c -> "; conditional: " + c).orElse("")
        + ".";
  }

  private static String evidence(ReportView.Item i) {
    return (i.labels().isEmpty() ? "" : "evidence: " + String.join("; ", i.labels()) + "; ")
        + "grade "
        + References.grades(i.gradedSources());
  }

  private static String firstThree(List<String> all) {
    List<String> shown = all.subList(0, Math.min(TOP, all.size()));
    return String.join("; ", shown)
        + (all.size() > TOP ? "; and " + (all.size() - TOP) + " more" : "");
  }

  private static String more(int options, int missing) {
    List<String> parts = new ArrayList<>();
    if (options > 0) {
      parts.add(options + " more option" + (options == 1 ? "" : "s"));
    }
    if (missing > 0) {
      parts.add(missing + " more missing-data item" + (missing == 1 ? "" : "s"));
    }
    return "The full report has " + String.join(" and ", parts) + ".";
  }
}
