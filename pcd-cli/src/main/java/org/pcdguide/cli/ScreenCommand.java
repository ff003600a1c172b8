package org.pcdguide.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.pcdguide.app.AsOf;
import org.pcdguide.bulk.BulkEngines;
import org.pcdguide.bulk.ScreenLimits;
import org.pcdguide.bulk.ScreenRun;
import org.pcdguide.bulk.ScreenSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd screen}: population screening over a FHIR Bulk Data export. */
@Command(
    name = "screen",
    description = {
      "Screen a whole population: a FHIR Bulk Data export (a folder of NDJSON files, one resource"
          + " type per file, optionally .gz) is grouped by patient and every patient goes through"
          + " the FHIR door, the engine and the pack's screening rules.",
      "Writes findings.ndjson (patients with a finding), errors.ndjson, summary.json and, with"
          + " --csv or --parquet, the findings table into --out, atomically."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  pcd synth --patients 10000 --seed 1 --out population",
      "  pcd screen population --out screened --as-of 2026-11-01",
      "  pcd screen population --out screened --engine spark --csv --parquet"
    })
final class ScreenCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Pcd pcd;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPORT", description = "The bulk export folder.")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results folder.")
  Path out;

  @Option(
      names = "--engine",
      defaultValue = "embedded",
      paramLabel = "ENGINE",
      description = "embedded (default: one process, bounded memory) or spark (local Spark).")
  String engine;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Assess the patients as of this date (default: today).")
  LocalDate asOf;

  @Option(names = "--all", description = "Write every patient, not only those with a finding.")
  boolean all;

  @Option(names = "--csv", description = "Also write findings.csv (one row per finding).")
  boolean csv;

  @Option(
      names = "--parquet",
      description = "Also write findings.parquet (Apache Parquet; needs the ./pcd launcher).")
  boolean parquet;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads or local Spark cores (default: the machine's cores).")
  Integer threads;

  @Option(
      names = "--partition-mb",
      defaultValue = "64",
      paramLabel = "MB",
      description = "Embedded: spill partition size; memory is about this times the threads.")
  int partitionMb;

  @Option(
      names = "--max-line-mb",
      defaultValue = "16",
      paramLabel = "MB",
      description =
          "Embedded: the longest line read (default 16); a longer line is reported in"
              + " errors.ndjson and skipped without being held in memory.")
  int maxLineMb;

  @Option(
      names = "--max-patient-resources",
      defaultValue = "50000",
      paramLabel = "N",
      description =
          "The most resources the door reads for one patient (default 50000); a patient with more"
              + " is reported unreadable and not screened.")
  int maxPatientResources;

  @Option(
      names = "--max-patient-mb",
      defaultValue = "32",
      paramLabel = "MB",
      description =
          "The most MB of those resources for one patient (default 32); a patient with more is"
              + " reported unreadable and not screened.")
  int maxPatientMb;

  @Option(names = "--no-progress", description = "No progress bar (none is shown off a terminal).")
  boolean noProgress;

  @Override
  public Integer call() {
    if (!engine.equals("embedded") && !engine.equals("spark")) {
      throw new UsageException("--engine must be embedded or spark, was " + engine);
    }
    if (partitionMb < 1) {
      throw new UsageException("--partition-mb must be at least 1, was " + partitionMb);
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new UsageException("--threads must be at least 1, was " + n);
    }
    ScreenLimits limits;
    try {
      limits = ScreenLimits.of(maxLineMb, maxPatientResources, maxPatientMb);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    LocalDate date = AsOf.resolve(java.util.Optional.ofNullable(asOf), pcd.clock()).date();
    ScreenRun run =
        new ScreenRun(
            input.toString(), out, date, all, csv, parquet, n, (long) partitionMb << 20, limits);
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = new ProgressBar(err, !noProgress && System.console() != null);
    long start = System.nanoTime();
    ScreenSummary s =
        engine.equals("spark")
            ? BulkEngines.spark(pcd.pack(), run)
            : BulkEngines.embedded(pcd.pack(), run, bar);
    String passes = bar.passes();
    bar.done();
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "Screened %,d patients in %.1f s (%s engine, as of %s); results in %s%n",
        s.patients(),
        seconds,
        engine,
        date,
        out);
    if (!passes.isEmpty()) {
      o.println("  " + passes);
    }
    o.print(s.table());
    o.flush();
    return Pcd.OK;
  }
}
