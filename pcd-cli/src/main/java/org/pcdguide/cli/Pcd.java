package org.pcdguide.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.pcdguide.app.AssessmentService;
import org.pcdguide.app.RequestException;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.KnowledgePackException;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code pcd} command: the composition root, and the only code that writes to stdout. */
@Command(
    name = "pcd",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "PCD Guide: decision support for plasma cell disorders with skin, extramedullary and systemic manifestations.",
    subcommands = {
      AssessCommand.class,
      KnowledgeCommand.class,
      VocabularyCommand.class,
      SourcesCommand.class,
      ServeCommand.class,
      AuditCommand.class,
      ScreenCommand.class,
      SynthCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pcd assess examples/poems-disseminated.yaml",
      "  pcd assess case.yaml --format json --as-of 2026-11-01",
      "  pcd assess case.json --format markdown --output report.md",
      "  pcd knowledge check --dir knowledge",
      "  pcd vocabulary",
      "  pcd serve --port 8080",
      "  pcd synth --patients 10000 --out population",
      "  pcd screen population --out screened --as-of 2026-11-01",
      "",
      "Exit codes: 0 ok; 2 invalid input or a refused configuration (the message names the",
      "option, file, field and value);",
      "1 internal error (no stack trace unless --debug); 3 audit replay gave a different output,",
      "or audit impact found a record that changes or cannot be replayed."
    })
public final class Pcd implements Runnable {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int INVALID = 2;
  static final int REPLAY_DIFFERS = 3;

  @Option(
      names = "--debug",
      description = "Print stack traces of internal errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @Option(
      names = "--knowledge",
      paramLabel = "DIR",
      description = "Use the knowledge pack in DIR instead of the bundled one.",
      scope = CommandLine.ScopeType.INHERIT)
  Path knowledgeDir;

  private KnowledgePack pack;

  /**
   * The one clock of a run: "today", for an assessment that names no date, is its date in its zone
   * (the system's, unless a test chooses another).
   */
  private final Clock clock;

  /** The environment variables of a run (the process's, unless a test chooses others). */
  private final java.util.Map<String, String> env;

  private Pcd(Clock clock, java.util.Map<String, String> env) {
    this.clock = clock;
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Clock.systemDefaultZone());
  }

  /** Runs the command line with the given streams and clock; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    return run(args, out, err, clock, System.getenv());
  }

  /** Runs the command line with the given streams, clock and environment; returns the exit code. */
  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Clock clock,
      java.util.Map<String, String> env) {
    Pcd pcd = new Pcd(clock, java.util.Map.copyOf(env));
    CommandLine cli = new CommandLine(pcd);
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof CaseFormatException
              || ex instanceof KnowledgePackException
              || ex instanceof UsageException
              || ex instanceof RequestException
              || ex instanceof org.pcdguide.bulk.BulkException) {
            e.println("pcd: " + ex.getMessage());
            return INVALID;
          }
          e.println(
              "pcd: internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
          if (pcd.debug) {
            ex.printStackTrace(e);
          } else {
            e.println("(run again with --debug for the stack trace)");
          }
          return INTERNAL;
        });
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "a command is required (assess, knowledge, vocabulary, sources)");
  }

  /** The knowledge pack: bundled, or from {@code --knowledge DIR}; loaded once. */
  KnowledgePack pack() {
    if (pack == null) {
      pack = source().load(FactRegistry.CATALOG);
    }
    return pack;
  }

  Clock clock() {
    return clock;
  }

  java.util.Map<String, String> env() {
    return env;
  }

  /** The assessment service on the bundled terminology and this run's clock. */
  AssessmentService service() {
    return new AssessmentService(pack(), Terminology.bundled(), clock);
  }

  YamlKnowledgePackSource source() {
    return knowledgeDir == null
        ? YamlKnowledgePackSource.bundled()
        : YamlKnowledgePackSource.directory(knowledgeDir);
  }
}
