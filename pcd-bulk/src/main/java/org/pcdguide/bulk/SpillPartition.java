package org.pcdguide.bulk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One spill partition of the embedded runner: read it, group by patient, screen, sort, write. */
final class SpillPartition {
  private SpillPartition() {}

  /** A partition's results file and the counts of all its patients. */
  record Screened(Path results, ScreenSummary summary) {}

  /**
   * Screens one partition; every patient is counted in the partition's summary, and only those the
   * output shows (a finding, an error, or every patient with {@code all}) go to its results.
   */
  static Screened screen(
      Path work, int partition, int workers, PatientScreen screen, AtomicLong patients, boolean all)
      throws IOException {
    ScreenSummary summary = new ScreenSummary();
    Map<String, List<Located>> byPatient = new HashMap<>();
    for (int w = 0; w < workers; w++) {
      read(SpillPass.partFile(work, partition, w), byPatient);
    }
    List<String> ids = new ArrayList<>(byPatient.keySet());
    ids.sort(null);
    Path result = work.resolve("results-" + partition);
    try (Writer w = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
      for (String id : ids) {
        PatientResult pr = screen.screen(id, byPatient.remove(id));
        summary.patient(pr);
        if (all || pr.flagged() || !pr.errors().isEmpty()) {
          w.write(ResultCodec.write(pr));
          w.write('\n');
        }
        patients.incrementAndGet();
      }
    }
    return new Screened(result, summary);
  }

  private static void read(Path part, Map<String, List<Located>> byPatient) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(part)) {
      LineReader r = new LineReader(in);
      while (r.next()) {
        byte[] b = r.bytes();
        int a = indexOf(b, 0, r.length());
        int f = indexOf(b, a + 1, r.length());
        int l = indexOf(b, f + 1, r.length());
        String patient = new String(b, 0, a, StandardCharsets.UTF_8);
        byPatient
            .computeIfAbsent(patient, k -> new ArrayList<>())
            .add(
                new Located(
                    (int) number(b, a + 1, f),
                    number(b, f + 1, l),
                    java.util.Arrays.copyOfRange(b, l + 1, r.length())));
      }
    }
    Files.delete(part);
  }

  private static int indexOf(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\t') {
        return i;
      }
    }
    throw new BulkException("corrupt spill file line");
  }

  private static long number(byte[] b, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (b[i] - '0');
    }
    return n;
  }
}
