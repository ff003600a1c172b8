package org.pcdguide.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.pcdguide.bulk.ScreenRun;

/** A one-line progress bar on stderr (a terminal only): rate and time left, redrawn in place. */
final class ProgressBar implements ScreenRun.Progress {
  private final PrintWriter err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private long screeningStarted;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public void reading(long bytes, long totalBytes, long lines) {
    double s = seconds();
    double fraction = Math.min(1, bytes / (double) totalBytes);
    double mbs = bytes / 1e6 / Math.max(s, 1e-3);
    draw(
        String.format(
            Locale.ROOT,
            "reading %s %5.1f%%  %,d lines  %.0f MB/s  ETA %s",
            bar(fraction),
            fraction * 100,
            lines,
            mbs,
            eta(fraction, s)));
  }

  @Override
  public void screening(long patients, int partitionsDone, int partitions) {
    if (screeningStarted == 0) {
      screeningStarted = System.nanoTime();
    }
    double s = seconds();
    double fraction = partitionsDone / (double) partitions;
    draw(
        String.format(
            Locale.ROOT,
            "screening %s %5.1f%%  %,d patients  %,.0f patients/s  ETA %s",
            bar(fraction),
            fraction * 100,
            patients,
            patients / Math.max((System.nanoTime() - screeningStarted) / 1e9, 1e-3),
            eta(fraction, (System.nanoTime() - screeningStarted) / 1e9)));
  }

  /** How long each pass took, for the end of the run (embedded engine). */
  String passes() {
    if (screeningStarted == 0) {
      return "";
    }
    long end = System.nanoTime();
    return String.format(
        Locale.ROOT,
        "pass 1 (read, classify, spill) %.1f s; pass 2 (screen, merge, write) %.1f s",
        (screeningStarted - start) / 1e9,
        (end - screeningStarted) / 1e9);
  }

  void done() {
    if (enabled && drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private void draw(String line) {
    long now = System.nanoTime();
    if (!enabled || now - lastDraw < 200_000_000L) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r\033[K" + line);
    err.flush();
  }

  private double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String bar(double fraction) {
    int n = (int) Math.round(fraction * 20);
    return "[" + "#".repeat(n) + " ".repeat(20 - n) + "]";
  }

  private static String eta(double fraction, double seconds) {
    if (fraction <= 0.001) {
      return "--";
    }
    long left = Math.round(seconds / fraction - seconds);
    return left >= 60 ? (left / 60) + "m" + (left % 60) + "s" : left + "s";
  }
}
