package org.pcdguide.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.Coverage;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.core.render.FactTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd knowledge check}: validates a knowledge pack and lists every problem at once. */
@Command(
    name = "knowledge",
    description = "Work with the knowledge pack.",
    mixinStandardHelpOptions = true,
    subcommands = {
      KnowledgeCommand.Check.class,
      KnowledgeCommand.Docs.class,
      KnowledgeCommand.CoverageCommand.class
    })
final class KnowledgeCommand implements Runnable {
  @ParentCommand Pcd pcd;

  @Override
  public void run() {
    throw new UsageException("knowledge: a subcommand is required (check)");
  }

  /** Validates the pack. */
  @Command(
      name = "check",
      description = "Validate the knowledge pack (ids, facts, sources, verbatim quotes).",
      mixinStandardHelpOptions = true)
  static final class Check implements java.util.concurrent.Callable<Integer> {
    @ParentCommand KnowledgeCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Check the pack in DIR (default: --knowledge, else the bundled pack).")
    Path dir;

    @Override
    public Integer call() {
      YamlKnowledgePackSource source =
          dir != null ? YamlKnowledgePackSource.directory(dir) : parent.pcd.source();
      KnowledgePack pack = source.load(FactRegistry.CATALOG);
      PrintWriter out = spec.commandLine().getOut();
      int entries = pack.modules().stream().mapToInt(m -> m.entries().size()).sum();
      out.println(
          "knowledge pack "
              + pack.version()
              + " "
              + pack.hash()
              + " ("
              + source.origin()
              + "): ok");
      out.println("  " + pack.sources().size() + " sources, " + entries + " entries");
      for (DisorderModule m : pack.modules()) {
        out.println("  " + m.file() + ": " + m.label() + ", " + m.entries().size() + " entries");
      }
      out.flush();
      return Pcd.OK;
    }
  }

  /** Writes one Markdown page per entry. */
  @Command(
      name = "docs",
      description =
          "Write docs/rules (one Markdown page per knowledge entry, and an index) and the fact"
              + " table of docs/knowledge-format.md.",
      mixinStandardHelpOptions = true)
  static final class Docs implements java.util.concurrent.Callable<Integer> {
    private static final Path DEFAULT_FACT_TABLE = Path.of("docs", "knowledge-format.md");

    @ParentCommand KnowledgeCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        defaultValue = "docs/rules",
        description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--fact-table",
        paramLabel = "FILE",
        description =
            "The document with the fact-table markers whose table to regenerate from the fact"
                + " registry and the pack (default: docs/knowledge-format.md, skipped with a"
                + " notice when there is none).")
    Path factTable;

    @Override
    public Integer call() {
      KnowledgePack pack = parent.pcd.pack();
      PrintWriter stdout = spec.commandLine().getOut();
      Path table = factTable != null ? factTable : DEFAULT_FACT_TABLE;
      if (factTable == null && !java.nio.file.Files.isRegularFile(table)) {
        stdout.println("no " + table + " here: its fact table is not regenerated");
      } else {
        writeFactTable(table, pack);
        stdout.println("wrote the fact table to " + table);
      }
      java.util.Map<String, String> pages = org.pcdguide.core.render.RuleDocs.pages(pack);
      try {
        java.nio.file.Files.createDirectories(out);
      } catch (java.io.IOException e) {
        throw new UsageException(out + ": cannot create (" + e.getMessage() + ")");
      }
      pages.forEach((name, text) -> AssessCommand.write(out.resolve(name), text));
      stdout.println("wrote " + pages.size() + " pages to " + out);
      stdout.flush();
      return Pcd.OK;
    }

    private static void writeFactTable(Path file, KnowledgePack pack) {
      String doc;
      try {
        doc = java.nio.file.Files.readString(file);
      } catch (java.io.IOException e) {
        throw new UsageException("--fact-table " + file + ": cannot read (" + e + ")");
      }
      String spliced =
          FactTable.splice(doc, pack)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--fact-table "
                              + file
                              + ": no '"
                              + FactTable.BEGIN
                              + "' ... '"
                              + FactTable.END
                              + "' markers"));
      AssessCommand.write(file, spliced);
    }
  }

  /**
   * Lists every seed sentence with the entries that cover it, or its mark and reason; with {@code
   * --examples}, the entries that lack a firing example or a near miss instead.
   */
  @Command(
      name = "coverage",
      description =
          "List every sentence of every seed with the entries that quote it, or why none does.",
      mixinStandardHelpOptions = true)
  static final class CoverageCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand KnowledgeCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--examples",
        description =
            "Instead, list the entries without a firing example or without a near miss"
                + " (MISSING: a treatment, avoid or trial entry, which must have both).")
    boolean examples;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (examples) {
        return examples(out);
      }
      String source = "";
      int covered = 0;
      int marked = 0;
      int total = 0;
      for (org.pcdguide.core.knowledge.Coverage.Sentence s :
          org.pcdguide.core.knowledge.Coverage.of(parent.pcd.pack())) {
        if (!s.source().equals(source)) {
          source = s.source();
          out.println(source);
        }
        total++;
        if (!s.entries().isEmpty()) {
          covered++;
          out.println("  covered by " + String.join(", ", s.entries()) + ": " + s.text());
        } else if (s.mark().isPresent()) {
          marked++;
          out.println("  " + s.mark().get() + " (" + s.reason().orElse("") + "): " + s.text());
        } else {
          out.println("  NOT COVERED: " + s.text());
        }
      }
      out.println(
          total
              + " sentences: "
              + covered
              + " covered by entries, "
              + marked
              + " marked background or source-gap");
      out.flush();
      return covered + marked == total ? Pcd.OK : Pcd.INVALID;
    }

    private int examples(PrintWriter out) {
      int expected = 0;
      int complete = 0;
      int others = 0;
      int othersComplete = 0;
      for (Coverage.Examples e : Coverage.examples(parent.pcd.pack())) {
        if (e.expected()) {
          expected++;
        } else {
          others++;
        }
        if (e.complete()) {
          complete += e.expected() ? 1 : 0;
          othersComplete += e.expected() ? 0 : 1;
          continue;
        }
        String lacks =
            e.firing() == 0 && e.notFiring() == 0
                ? "no firing example, no near miss"
                : e.firing() == 0 ? "no firing example" : "no near miss";
        out.println(
            (e.expected() ? "  MISSING " : "  ")
                + lacks
                + ": "
                + e.entry()
                + " ("
                + e.kind().word()
                + ")");
      }
      out.println(
          expected
              + " treatment, avoid and trial entries: "
              + complete
              + " with a firing example and a near miss; "
              + others
              + " other entries: "
              + othersComplete
              + " with both");
      out.flush();
      return complete == expected ? Pcd.OK : Pcd.INVALID;
    }
  }
}
