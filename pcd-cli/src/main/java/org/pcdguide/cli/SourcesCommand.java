package org.pcdguide.cli;

import java.io.PrintWriter;
import org.pcdguide.core.knowledge.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd sources}: every source with its kind, population, size, year and grade. */
@Command(
    name = "sources",
    description = "List the sources the knowledge pack cites, with kind and grade.",
    mixinStandardHelpOptions = true)
final class SourcesCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Pcd pcd;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Source s : pcd.pack().sources().values()) {
      out.println(
          s.id()
              + "  ["
              + s.kind()
              + "; "
              + s.population()
              + (s.sameEntity() ? "" : ", different entity")
              + s.size().map(n -> "; n=" + n).orElse("")
              + s.year().map(y -> "; " + y).orElse("")
              + "; grade "
              + s.grade()
              + "]");
      out.println("    " + s.title());
      s.citation().ifPresent(c -> out.println("    " + c));
      if (!s.labels().isEmpty()) {
        out.println("    labels: " + String.join(", ", s.labels()));
      }
      s.notes().ifPresent(n -> out.println("    notes: " + n));
      for (Source.CitedReference r : s.citedReferences()) {
        out.println(
            "    " + r.locator() + " identified as " + r.identifiedAs() + " (" + r.status() + ")");
      }
    }
    out.flush();
    return Pcd.OK;
  }
}
