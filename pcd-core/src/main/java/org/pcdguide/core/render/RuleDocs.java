package org.pcdguide.core.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pcdguide.core.knowledge.Condition;
import org.pcdguide.core.knowledge.Disagreement;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Source;

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
    b.append("- Strength: ").append(e.strength()).append("\n");
    e.severity()
        .ifPresent(s -> b.append("- Severity: ").append(s).append(" (critical when proposed)\n"));
    if (!e.agents().isEmpty()) {
      b.append("- Agents: ").append(String.join(", ", e.agents())).append("\n");
    }
    e.regimen().ifPresent(r -> b.append("- Regimen: ").append(r).append("\n"));
    b.append("- Applies when: ")
        .append(describe(gate))
        .append(" and ")
        .append(describe(e.when()))
        .append("\n");
    e.preferWhen()
        .ifPresent(p -> b.append("- Ranked higher when: ").append(describe(p)).append("\n"));
    for (Entry.ThenStep t : e.then()) {
      b.append("- Then: ")
          .append(String.join(", ", t.agents()))
          .append(" when ")
          .append(describe(t.when()))
          .append("\n");
    }
    e.criterion()
        .ifPresent(
            c ->
                b.append("- Criterion: ")
                    .append(c.group())
                    .append(", fact `")
                    .append(c.fact())
                    .append("`\n"));
    e.registry().ifPresent(r -> b.append("- Registry: ").append(r).append("\n"));
    e.window()
        .ifPresent(
            w ->
                b.append("- Window: ")
                    .append(w.fromMonths())
                    .append(" to ")
                    .append(w.toMonths())
                    .append(" months after `")
                    .append(w.after())
                    .append("`\n"));
    b.append("\n## Statement\n\n").append(e.statement()).append("\n\n## Evidence\n\n");
    for (Evidence ev : e.evidence()) {
      Source s = pack.source(ev.source());
      b.append("- **")
          .append(s.id())
          .append("** (")
          .append(s.kind())
          .append("; ")
          .append(Citations.population(s));
      b.append("; grade ").append(s.grade()).append(")");
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
    if (!e.disagreements().isEmpty()) {
      b.append("\n## Where sources disagree\n\n");
      for (Disagreement d : e.disagreements()) {
        Source s = pack.source(d.source());
        b.append("- **")
            .append(s.id())
            .append("** (")
            .append(s.kind())
            .append("; grade ")
            .append(s.grade());
        b.append("), ").append(d.locator()).append(": ").append(d.statement()).append("\n");
      }
    }
    return b.toString();
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
