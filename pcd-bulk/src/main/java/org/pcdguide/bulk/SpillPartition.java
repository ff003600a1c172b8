package org.pcdguide.bulk;

import java.io.BufferedReader;
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

  static Path screen(
      Path work, int partition, int workers, PatientScreen screen, AtomicLong patients)
      throws IOException {
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
        w.write(ResultCodec.write(pr));
        w.write('\n');
        patients.incrementAndGet();
      }
    }
    return result;
  }

  private static void read(Path part, Map<String, List<Located>> byPatient) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        int a = line.indexOf('\t');
        int b = line.indexOf('\t', a + 1);
        int c = line.indexOf('\t', b + 1);
        String patient = line.substring(0, a);
        byPatient
            .computeIfAbsent(patient, k -> new ArrayList<>())
            .add(
                new Located(
                    Integer.parseInt(line, a + 1, b, 10),
                    Long.parseLong(line, b + 1, c, 10),
                    line.substring(c + 1)));
      }
    }
    Files.delete(part);
  }
}
