package org.pcdguide.bulk;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a screening run is asked to do, whichever engine runs it.
 *
 * @param input the bulk export folder (local path, or any Hadoop-compatible URI for Spark)
 * @param output the folder the results are written to
 * @param asOf the date the patients are assessed at
 * @param all write every patient, not only those with a finding
 * @param csv also write findings.csv
 * @param parquet also write findings.parquet (Apache Parquet, from Spark's classpath)
 * @param threads worker threads (embedded) or local cores (Spark)
 * @param partitionBytes target size of one spill partition (embedded): bounds the memory used
 * @param limits the longest line and the largest patient read
 */
public record ScreenRun(
    String input,
    Path output,
    LocalDate asOf,
    boolean all,
    boolean csv,
    boolean parquet,
    int threads,
    long partitionBytes,
    ScreenLimits limits) {
  /** A run with the default limits. */
  public ScreenRun(
      String input,
      Path output,
      LocalDate asOf,
      boolean all,
      boolean csv,
      boolean parquet,
      int threads,
      long partitionBytes) {
    this(input, output, asOf, all, csv, parquet, threads, partitionBytes, ScreenLimits.DEFAULT);
  }

  public ScreenRun {
    java.util.Objects.requireNonNull(limits, "limits");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (partitionBytes < 1 << 20) {
      throw new IllegalArgumentException(
          "partition size must be at least 1 MiB, was " + partitionBytes);
    }
  }

  /** Progress of a run, for a progress bar (called from one thread at a time). */
  public interface Progress {
    /** Pass 1: bytes read of the estimated total, and lines read. */
    void reading(long bytes, long totalBytes, long lines);

    /** Pass 2: patients screened and partitions done of all. */
    void screening(long patients, int partitionsDone, int partitions);

    Progress NONE =
        new Progress() {
          @Override
          public void reading(long bytes, long totalBytes, long lines) {}

          @Override
          public void screening(long patients, int partitionsDone, int partitions) {}
        };
  }
}
