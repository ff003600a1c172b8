package org.pcdguide.core.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.Condition;
import org.pcdguide.core.knowledge.DiagnosticEntry;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.GuidanceEntry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.TreatmentEntry;
import org.pcdguide.core.knowledge.TrialEntry;

/** One Markdown page per knowledge entry ({@code docs/rules/<id>.md}), generated from the pack. */
public final class RuleDocs {
  private RuleDocs() {}

  /** File name to page text, for every entry of the pack, plus an index. */
  public static Map<String, String> pages(KnowledgePack pack) {
    Map<String, String> pages = new LinkedHashMap<>();
    StringBuilder index = new StringBuilder("# Knowledge entries\n\n");
    index
        .append("Generated from the knowledge pack ")
        .append(pack.version())
        .append("; do not edit.\n\n");
    index.append("| id | kind | title |\n|---|---|---|\n");
    for (DisorderModule m : pack.modules()) {
      for (Entry e : m.entries()) {
        pages.put(e.id() + ".md", page(m, e, pack));
        index.append("| [").append(e.id()).append("](").append(e.id()).append(".md) | ");
        index
            .append(e.kind().word())
            .append(" | ")
            .append(e.title().replace("|", "/"))
            .append(" |\n");
      }
    }
    for (Entry e : pack.screening()) {
      pages.put(e.id() + ".md", screeningPage(e, pack));
      index.append("| [").append(e.id()).append("](").append(e.id()).append(".md) | ");
      index.append("screening | ").append(e.title().replace("|", "/")).append(" |\n");
    }
    pages.put("README.md", index.toString());
    return pages;
  }

  /** The page of one entry, by id. */
  public static java.util.Optional<String> page(KnowledgePack pack, String id) {
    for (DisorderModule m : pack.modules()) {
      for (Entry e : m.entries()) {
        if (e.id().equals(id)) {
          return java.util.Optional.of(page(m, e, pack));
        }
      }
    }
    return pack.screening().stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .map(e -> screeningPage(e, pack));
  }

  static String page(DisorderModule m, Entry e, KnowledgePack pack) {
    return page(m.file(), m.label(), m.gate(e.kind()), e, pack);
  }

  private static String screeningPage(Entry e, KnowledgePack pack) {
    return page("screening.yaml", "population screening (pcd screen)", Condition.ALWAYS, e, pack);
  }

  private static String page(
      String file, String disorder, Condition gate, Entry e, KnowledgePack pack) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(e.id()).append(": ").append(e.title()).append("\n\n");
    b.append("Generated from `knowledge/").append(file).append("`; do not edit.\n\n");
    b.append("- Disorder: ").append(disorder).append("\n");
    b.append("- Kind: ").append(e.kind().word()).append("\n");
    b.append("- Strength: ").append(e.strength().word()).append("\n");
    if (e instanceof AvoidEntry a) {
      b.append("- Severity: ").append(WarningText.escalation(a.severity())).append("\n");
    }
    if (!e.agents().isEmpty()) {
      b.append("- Agents: ").append(String.join(", ", e.agents())).append("\n");
    }
    e.regimen().ifPresent(r -> b.append("- Regimen: ").append(r).append("\n"));
    b.append("- Applies when: ")
        .append(describe(gate))
        .append(" and ")
        .append(describe(e.when()))
        .append("\n");
    kindLines(b, e);
    if (e instanceof AvoidEntry a && a.byAttribute().isPresent()) {
      b.append("- Class: ").append(a.byAttribute().get().word()).append("\n");
    }
    b.append("\n## Statement\n\n").append(e.statement()).append("\n\n## Evidence\n\n");
    ReportViews views = new ReportViews(pack);
    for (ReportView.Evidence ev : views.evidence(e.evidence())) {
      ReportView.SourceView s = ev.source();
      b.append("- **")
          .append(s.id())
          .append("** (")
          .append(s.kind().word())
          .append("; ")
          .append(s.populationText());
      b.append("; grade ").append(s.grade().word()).append(")");
      if (!s.labels().isEmpty()) {
        b.append(" _").append(String.join("; ", s.labels())).append("_");
      }
      b.append(", ").append(ev.locator());
      ev.quote().ifPresent(q -> b.append(": \"").append(q).append("\""));
      ev.note().ifPresent(n -> b.append(" Note: ").append(n));
      if (ev.unsupported()) {
        b.append(" _(").append(Labels.UNSUPPORTED).append(")_");
      }
      b.append("\n");
    }
    if (e instanceof AvoidEntry a) {
      b.append(AttributeText.ruleSection(a, pack));
    }
    if (!e.disagreements().isEmpty()) {
      b.append("\n## Where sources disagree\n\n");
      for (ReportView.Disagreement d : views.disagreements(e)) {
        b.append("- **")
            .append(d.source().id())
            .append("** (")
            .append(d.source().kind().word())
            .append("; grade ")
            .append(d.source().grade().word());
        b.append("), ").append(d.locator()).append(": ").append(d.statement()).append("\n");
      }
    }
    return b.toString();
  }

  /** The lines only some kinds have: preference, follow-on steps, criterion, registry, window. */
  private static void kindLines(StringBuilder b, Entry e) {
    if (e instanceof TreatmentEntry t) {
      b.append("- Treatment phases: ")
          .append(
              t.phases().stream()
                  .map(org.pcdguide.core.knowledge.TreatmentPhase::word)
                  .collect(java.util.stream.Collectors.joining(", ")))
          .append("\n");
      t.preferWhen()
          .ifPresent(p -> b.append("- Ranked higher when: ").append(describe(p)).append("\n"));
      for (Entry.ThenStep step : t.then()) {
        b.append("- Then: ")
            .append(String.join(", ", step.agents()))
            .append(" when ")
            .append(describe(step.when()))
            .append("\n");
      }
    } else if (e instanceof DiagnosticEntry d) {
      d.criterion()
          .ifPresent(
              c ->
                  b.append("- Criterion: ")
                      .append(c.group())
                      .append(", fact `")
                      .append(c.fact())
                      .append("`\n"));
    } else if (e instanceof TrialEntry t) {
      t.registry().ifPresent(r -> b.append("- Registry: ").append(r).append("\n"));
    } else if (e instanceof GuidanceEntry g) {
      g.window()
          .ifPresent(
              w ->
                  b.append("- Window: ")
                      .append(w.fromMonths())
                      .append(" to ")
                      .append(w.toMonths())
                      .append(" months after `")
                      .append(w.after())
                      .append("`\n"));
      g.planAfter()
          .ifPresent(
              p ->
                  b.append("- Plan: shown ahead while ")
                      .append(p)
                      .append(" is recommended or proposed and not yet given\n"));
      if (g.kind() == org.pcdguide.core.knowledge.EntryKind.PITFALL
          && g.strength() == org.pcdguide.core.knowledge.Strength.DO_NOT
          && !g.agents().isEmpty()) {
        b.append("- Proposed ")
            .append(String.join(", ", g.agents()))
            .append(g.onlyWhenAlone() ? " without another systemic agent" : "")
            .append(" while this applies: warning (against-pitfall)\n");
      }
    } else if (e instanceof org.pcdguide.core.knowledge.ScreeningRule r) {
      r.holds()
          .ifPresent(
              h ->
                  b.append("- Also runs in every assessment; holds proposed ")
                      .append(String.join(", ", h.orders()))
                      .append(" (warning, evaluate-first) while ")
                      .append(describe(h.whileTrue()))
                      .append("\n"));
    }
  }

  static String describe(Condition c) {
    if (c instanceof Condition.All a) {
      return "(" + String.join(" and ", a.parts().stream().map(RuleDocs::describe).toList()) + ")";
    }
    if (c instanceof Condition.Any a) {
      return "(" + String.join(" or ", a.parts().stream().map(RuleDocs::describe).toList()) + ")";
    }
    if (c instanceof Condition.Not n) {
      return "not " + describe(n.part());
    }
    if (c instanceof Condition.IsUnknown u) {
      return "`" + u.fact() + "` is unknown";
    }
    if (c instanceof Condition.Compare cmp) {
      String values =
          cmp.values().stream().map(RuleDocs::literal).reduce((x, y) -> x + ", " + y).orElse("");
      return "`" + cmp.fact() + "` " + cmp.op() + " " + values;
    }
    return "always";
  }

  private static String literal(Object v) {
    return v instanceof Double d && d == Math.rint(d)
        ? Long.toString(d.longValue())
        : String.valueOf(v);
  }
}
