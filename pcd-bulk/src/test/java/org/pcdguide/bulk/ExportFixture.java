package org.pcdguide.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A bulk export for tests: the real third-party NDJSON sets of test-data/external as they are (the
 * SMART 10-patient Synthea export with its client log, and Pathling's 9 patients with labs), one of
 * them gzip-compressed, plus a file of bad lines.
 */
final class ExportFixture {
  static final Path EXTERNAL = Path.of("../test-data/external");

  private ExportFixture() {}

  /** Bad lines, by line number (1-based) in Condition.bad.ndjson. */
  static final String BAD =
      String.join(
          "\n",
          "{\"resourceType\":\"Condition\",\"id\":\"broken\",\"subject\":{\"reference\":\"Patient/x\"",
          "",
          "{\"resourceType\":\"Condition\",\"id\":\"orphan\",\"code\":{\"text\":\"x\"}}",
          "{\"resourceType\":\"Flurb\",\"id\":\"f\"}",
          "{\"resourceType\":\"Condition\",\"id\":\"grp\",\"subject\":{\"reference\":\"Group/1\"}}",
          "");

  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path smart = EXTERNAL.resolve("smart-on-fhir-sample-bulk-fhir-datasets/10-patients");
    try (Stream<Path> s = Files.list(smart)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    Path pathling = EXTERNAL.resolve("aehrc-pathling/R4");
    Files.copy(pathling.resolve("Patient.ndjson"), dir.resolve("Patient.pathling.ndjson"));
    Files.copy(pathling.resolve("Condition.ndjson"), dir.resolve("Condition.pathling.ndjson"));
    try (OutputStream out =
        new GZIPOutputStream(
            Files.newOutputStream(dir.resolve("Observation.pathling.ndjson.gz")))) {
      Files.copy(pathling.resolve("Observation.ndjson"), out);
    }
    Files.writeString(dir.resolve("Condition.bad.ndjson"), BAD, StandardCharsets.UTF_8);
    return dir;
  }
}
