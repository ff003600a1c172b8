package org.pcdguide.core.render;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pcdguide.core.engine.Warning;
import org.pcdguide.core.knowledge.KnowledgePack;

/** The wording of renal dosing (issue 13 rule 8), once for the warning and for each option. */
final class RenalText {
  private RenalText() {}

  static String warning(Warning.RenalDosing r) {
    Set<String> unsourced = new LinkedHashSet<>();
    r.options().forEach(o -> unsourced.addAll(o.unsourced()));
    StringBuilder b =
        new StringBuilder(
            r.impaired()
                ? "Renal impairment ("
                    + String.join("; ", r.because())
                    + "): this pack gives no renal dose for any option."
                : "Renal function is stated but cannot be decided ("
                    + String.join("; ", r.because())
                    + "); if it is impaired, note that this pack gives no renal dose for any"
                    + " option.");
    for (Warning.RenalOption o : r.options()) {
      if (!o.adjust().isEmpty()) {
        b.append(" Option ")
            .append(o.rank())
            .append(" [")
            .append(o.entry())
            .append("] contains ")
            .append(String.join(", ", o.adjust()))
            .append(": needs dose adjustment; this pack gives no dose.");
      }
    }
    if (!unsourced.isEmpty()) {
      b.append(" The pack cannot say which of the recommended options need a renal dose")
          .append(" adjustment: no pack source states the renal dosing of ")
          .append(String.join(", ", unsourced))
          .append(" (a gap in the sources, not a statement that none is needed).");
    }
    return b.append(" See each option.").toString();
  }

  /** The renal line of one recommended option, with agent labels and the sources' labels. */
  static Optional<ReportView.RenalDosing> option(
      Warning.RenalDosing r, String entry, KnowledgePack pack) {
    Function<List<String>, String> labels =
        ids -> String.join(", ", ids.stream().map(pack.vocabulary()::label).toList());
    for (Warning.RenalOption o : r.options()) {
      if (!o.entry().equals(entry)) {
        continue;
      }
      List<String> parts = new java.util.ArrayList<>();
      if (!o.adjust().isEmpty()) {
        parts.add(
            labels.apply(o.adjust())
                + ": needs dose adjustment ("
                + sources(o.adjust(), pack)
                + "); this pack gives no dose");
      }
      if (!o.notRequired().isEmpty()) {
        parts.add(
            labels.apply(o.notRequired())
                + ": no dose adjustment required ("
                + sources(o.notRequired(), pack)
                + ")");
      }
      if (!o.unsourced().isEmpty()) {
        parts.add(
            "no pack source says whether "
                + labels.apply(o.unsourced())
                + " need"
                + (o.unsourced().size() == 1 ? "s" : "")
                + " a dose adjustment");
      }
      String statement =
          (r.impaired() ? "Renal impairment: " : "If renal function is impaired: ")
              + String.join("; ", parts);
      return Optional.of(
          new ReportView.RenalDosing(
              r.impaired(), o.adjust(), o.notRequired(), o.sources(), o.unsourced(), statement));
    }
    return Optional.empty();
  }

  /** The sources of the agents' renal values, with the labels a reader must see. */
  private static String sources(List<String> agents, KnowledgePack pack) {
    Set<String> out = new LinkedHashSet<>();
    for (String a : agents) {
      pack.vocabulary()
          .agents()
          .get(a)
          .attributes()
          .get("renal-dose-adjustment")
          .evidence()
          .forEach(
              ev -> {
                List<String> labels = new java.util.ArrayList<>(pack.source(ev.source()).labels());
                if (ev.unsupported()) {
                  labels.add(Labels.UNSUPPORTED);
                }
                out.add(ev.source() + (labels.isEmpty() ? "" : ", " + String.join(", ", labels)));
              });
    }
    return String.join("; ", out);
  }
}
