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

  static Path screen(Path part, PatientScreen screen, AtomicLong patients) throws IOException {
    Map<String, List<Located>> byPatient = new HashMap<>();
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
    List<String> ids = new ArrayList<>(byPatient.keySet());
    ids.sort(null);
    Path result = part.resolveSibling(part.getFileName() + ".results");
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
}
