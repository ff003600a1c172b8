package org.pcdguide.bulk;

import java.io.Serializable;

/**
 * What one line and one patient may hold, so that a hostile or broken export cannot exhaust memory.
 * A longer line is reported ({@code line-too-long}) and skipped without being buffered; a patient
 * with more resources or bytes (of the lines the door reads) is reported unreadable and not
 * screened. Both are operator settings ({@code pcd screen --max-line-mb, --max-patient-resources,
 * --max-patient-mb}).
 *
 * @param maxLineBytes the longest line read, in bytes
 * @param maxPatientResources the most resources the door reads for one patient
 * @param maxPatientBytes the most bytes of those resources for one patient
 */
public record ScreenLimits(int maxLineBytes, int maxPatientResources, long maxPatientBytes)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** 16 MiB lines; 50,000 resources or 32 MiB per patient (docs/bulk-screening.md). */
  public static final ScreenLimits DEFAULT = new ScreenLimits(16 << 20, 50_000, 32L << 20);

  /** The largest line that can be asked for: 1 GiB (Java arrays stop at 2 GiB). */
  static final int LARGEST_LINE = 1 << 30;

  public ScreenLimits {
    if (maxLineBytes < 1 << 20 || maxLineBytes > LARGEST_LINE) {
      throw new IllegalArgumentException(
          "maximum line must be 1 to 1024 MiB, was " + maxLineBytes + " bytes");
    }
    if (maxPatientResources < 1) {
      throw new IllegalArgumentException(
          "maximum resources per patient must be at least 1, was " + maxPatientResources);
    }
    if (maxPatientBytes < 1 << 20) {
      throw new IllegalArgumentException(
          "maximum bytes per patient must be at least 1 MiB, was " + maxPatientBytes);
    }
  }

  /** Limits in the units of the command line options. */
  public static ScreenLimits of(int maxLineMb, int maxPatientResources, int maxPatientMb) {
    if (maxLineMb < 1 || maxLineMb > LARGEST_LINE >> 20) {
      throw new IllegalArgumentException("--max-line-mb must be 1 to 1024, was " + maxLineMb);
    }
    if (maxPatientResources < 1) {
      throw new IllegalArgumentException(
          "--max-patient-resources must be at least 1, was " + maxPatientResources);
    }
    if (maxPatientMb < 1) {
      throw new IllegalArgumentException(
          "--max-patient-mb must be at least 1, was " + maxPatientMb);
    }
    return new ScreenLimits(maxLineMb << 20, maxPatientResources, (long) maxPatientMb << 20);
  }

  /** Whether a patient with this many resources and bytes is over the cap. */
  boolean overPatient(long resources, long bytes) {
    return resources > maxPatientResources || bytes > maxPatientBytes;
  }

  /** The reason a patient over the cap is not screened, in the options' words. */
  String patientProblem(long resources, long bytes) {
    return resources
        + " resources ("
        + mib(bytes)
        + "), more than the per-patient cap (--max-patient-resources "
        + maxPatientResources
        + ", --max-patient-mb "
        + (maxPatientBytes >> 20)
        + "); not screened";
  }

  /** The reason an over-long line is skipped. */
  String lineProblem(long bytes) {
    return bytes
        + " bytes, longer than the maximum line (--max-line-mb "
        + (maxLineBytes >> 20)
        + "); skipped unread";
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }
}
