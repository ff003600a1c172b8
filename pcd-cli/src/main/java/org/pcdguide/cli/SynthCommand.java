package org.pcdguide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.pcdguide.bulk.SyntheticPopulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd synth}: a reproducible synthetic population in bulk-export layout, with truth. */
@Command(
    name = "synth",
    description = {
      "Write a reproducible synthetic population as a FHIR Bulk Data export (NDJSON per resource"
          + " type): mostly patients without a plasma cell disorder, some with neuropathy,"
          + " monoclonal gammopathy or myeloma, and planted cases of each disorder, some"
          + " mislabelled. expected.jsonl holds each patient's expected screening findings."
    },
    mixinStandardHelpOptions = true)
final class SynthCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Pcd pcd;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--patients", required = true, paramLabel = "N", description = "How many.")
  int patients;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Export folder.")
  Path out;

  @Option(names = "--gzip", description = "Write .ndjson.gz files.")
  boolean gzip;

  @Option(
      names = "--as-of",
      defaultValue = "2026-11-01",
      paramLabel = "YYYY-MM-DD",
      description = "The date the expected findings hold at (screen with the same --as-of).")
  LocalDate asOf;

  @Override
  public Integer call() throws IOException {
    if (patients < 1) {
      throw new UsageException("--patients must be at least 1, was " + patients);
    }
    long start = System.nanoTime();
    SyntheticPopulation.Result r = SyntheticPopulation.write(out, patients, seed, gzip, asOf);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "Wrote %,d patients (seed %d) to %s in %.1f s%n",
        r.patients(),
        seed,
        out,
        (System.nanoTime() - start) / 1e9);
    r.categories().forEach((k, v) -> o.printf(Locale.ROOT, "  %-48s %,10d%n", k, v));
    o.flush();
    return Pcd.OK;
  }
}
