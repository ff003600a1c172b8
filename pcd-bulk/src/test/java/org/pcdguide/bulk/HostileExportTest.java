package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 6: hostile or damaged exports, generated here, run through the embedded screen in
 * its own JVM under a heap smaller than the input. The run finishes, says what it skipped in
 * errors.ndjson, and screens everything else.
 */
class HostileExportTest {
  private static final int HEAP_MB = 128;
  @TempDir Path tmp;

  /**
   * A lab the door reads (hemoglobin), for one patient, padded with a note of {@code pad} bytes.
   */
  static String hemoglobin(String patient, int n, int pad) {
    return "{\"resourceType\":\"Observation\",\"id\":\"o"
        + n
        + "\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
        + "\"code\":\"718-7\"}]},\"subject\":{\"reference\":\"Patient/"
        + patient
        + "\"},\"effectiveDateTime\":\"2026-01-01\",\"valueQuantity\":{\"value\":13,"
        + "\"unit\":\"g/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"g/dL\"}"
        + (pad > 0 ? ",\"note\":[{\"text\":\"" + "x".repeat(pad) + "\"}]" : "")
        + "}\n";
  }

  static String patient(String id) {
    return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"gender\":\"female\"}\n";
  }

  /** Runs the screen in a JVM with {@code -Xmx128m}; returns its exit code and output. */
  record Forked(int code, String out) {}

  static Forked fork(Path in, Path out, int partitionMb) throws Exception {
    Path log = Files.createTempFile(out.getParent(), "fork", ".log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m",
                "-cp",
                System.getProperty("java.class.path"),
                ForkedScreen.class.getName(),
                in.toString(),
                out.toString(),
                Integer.toString(partitionMb))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the screen did not finish in 3 minutes: " + Files.readString(log));
    }
    return new Forked(p.exitValue(), Files.readString(log));
  }

  static List<String> errors(Path out) throws IOException {
    return Files.readAllLines(out.resolve("errors.ndjson"));
  }

  @Test
  void lineLargerThanTheHeap_isReportedAndSkipped_theNextLinesAreRead() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("export"));
    // 160 MiB of zeros without a newline: a 160 KB file, a line larger than the whole heap
    try (OutputStream o =
        new GZIPOutputStream(Files.newOutputStream(in.resolve("Observation.ndjson.gz")), 1 << 16)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 160; i++) {
        o.write(zeros);
      }
      o.write('\n');
      o.write(hemoglobin("after", 2, 0).getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(in.resolve("Patient.ndjson"), patient("after"));
    assertThat(Files.size(in.resolve("Observation.ndjson.gz"))).isLessThan(1 << 20);

    Path out = tmp.resolve("out");
    Forked f = fork(in, out, 64);
    assertThat(f.code()).as(f.out()).isZero();
    assertThat(errors(out))
        .singleElement()
        .asString()
        .startsWith(
            "{\"file\":\"Observation.ndjson.gz\",\"line\":1,\"kind\":\"line-too-long\","
                + "\"problem\":\"167772160 bytes, longer than the maximum line (--max-line-mb 16);"
                + " skipped unread\"}");
    assertThat(f.out()).containsPattern("patients screened +1\\b");
  }

  @Test
  void oneLargePatient_isReportedUnreadable_theOthersAreScreened() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("export"));
    // 150,000 labs for one patient (well over the heap once parsed; a 1 MB file), then another
    long bytes = 0;
    try (OutputStream o =
        new GZIPOutputStream(Files.newOutputStream(in.resolve("Observation.ndjson.gz")), 1 << 16)) {
      for (int i = 0; i < 150_000; i++) {
        byte[] line = hemoglobin("big", i, 0).getBytes(StandardCharsets.UTF_8);
        o.write(line);
        bytes += line.length - 1;
      }
      o.write(hemoglobin("small", 0, 0).getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(in.resolve("Patient.ndjson"), patient("big") + patient("small"));
    bytes += patient("big").length() - 1;

    Path out = tmp.resolve("out");
    Forked f = fork(in, out, 64);
    assertThat(f.code()).as(f.out()).isZero();
    assertThat(errors(out))
        .containsExactly(
            "{\"patient\":\"big\",\"kind\":\"unreadable-patient\",\"problem\":\"150001 resources"
                + String.format(java.util.Locale.ROOT, " (%.1f MiB)", bytes / 1048576.0)
                + ", more than the per-patient cap (--max-patient-resources 50000,"
                + " --max-patient-mb 32); not screened\"}");
    assertThat(f.out()).containsPattern("patients screened +2\\b");
    assertThat(f.out()).containsPattern("patients unreadable +1\\b");
  }

  @Test
  void manySmallPatientsInAHighlyCompressedFile_stayWithinTheHeap() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("export"));
    // 200 patients x 8 labs of 100 KB: 160 MB to read from a file of a few MB (it compresses
    // far better than the runner's estimate), more than the heap in one partition
    List<String> ids = new ArrayList<>();
    try (OutputStream o =
        new GZIPOutputStream(Files.newOutputStream(in.resolve("Observation.ndjson.gz")), 1 << 16)) {
      for (int lab = 0; lab < 8; lab++) {
        for (int p = 0; p < 200; p++) {
          o.write(hemoglobin("p" + p, lab, 100_000).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    StringBuilder patients = new StringBuilder();
    for (int p = 0; p < 200; p++) {
      ids.add("p" + p);
      patients.append(patient("p" + p));
    }
    Files.writeString(in.resolve("Patient.ndjson"), patients);

    Path out = tmp.resolve("out");
    Forked f = fork(in, out, 16);
    assertThat(f.code()).as(f.out()).isZero();
    assertThat(errors(out)).isEmpty();
    assertThat(f.out()).containsPattern("patients screened +200\\b");
  }

  static ScreenRun inProcess(Path in, Path out, ScreenLimits limits) {
    return new ScreenRun(
        in.toString(), out, EmbeddedScreenTest.AS_OF, true, false, false, 2, 1 << 20, limits);
  }

  static byte[] gzip(String text) throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void truncatedAndCorruptGzip_areReported_theOtherFilesAreScreened() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("export"));
    StringBuilder labs = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      labs.append(hemoglobin("t" + i % 7, i, 200));
    }
    byte[] whole = gzip(labs.toString());
    // cut in the middle: the first lines decompress, then the data ends early
    Files.write(in.resolve("Observation.000.ndjson.gz"), Arrays.copyOf(whole, whole.length / 2));
    // a gzip header followed by bytes that are not deflate data
    byte[] corrupt = gzip(labs.toString());
    Arrays.fill(corrupt, 10, corrupt.length, (byte) 0xFF);
    Files.write(in.resolve("Observation.001.ndjson.gz"), corrupt);
    Files.write(in.resolve("Condition.ndjson.gz"), "not gzip at all".getBytes());
    Files.writeString(in.resolve("Patient.ndjson"), patient("good"));

    Path out = tmp.resolve("out");
    ScreenSummary s =
        EmbeddedScreenTest.runner()
            .run(inProcess(in, out, ScreenLimits.DEFAULT), ScreenRun.Progress.NONE);

    List<String> errors = errors(out);
    assertThat(errors).hasSize(3);
    assertThat(errors.get(0))
        .startsWith("{\"file\":\"Condition.ndjson.gz\",\"line\":1,\"kind\":\"unreadable-file\"")
        .contains("corrupt gzip data", "nothing was read");
    assertThat(errors.get(1))
        .startsWith("{\"file\":\"Observation.000.ndjson.gz\",\"line\":")
        .contains("\"kind\":\"unreadable-file\"", "truncated (the data ends early); lines 1-");
    assertThat(errors.get(2))
        .startsWith("{\"file\":\"Observation.001.ndjson.gz\",\"line\":1,")
        .contains("corrupt gzip data", "nothing was read")
        .doesNotContain("ZipException", "Exception");
    assertThat(s.errors()).containsEntry(BulkError.UNREADABLE_FILE, 3L);
    // the patient file and the lines before the cut were screened
    assertThat(Files.readString(out.resolve("findings.ndjson")))
        .contains("{\"patient\":\"good\"", "{\"patient\":\"t0\"");
  }

  @Test
  void symbolicLink_inTheExportFolder_isReportedAndNotFollowed() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("export"));
    Path secret = Files.createDirectories(tmp.resolve("elsewhere")).resolve("Patient.ndjson");
    Files.writeString(secret, patient("secret"));
    Files.createSymbolicLink(in.resolve("Patient.ndjson"), secret);
    Files.writeString(in.resolve("Patient.000.ndjson"), patient("mine"));

    Path out = tmp.resolve("out");
    ScreenSummary s =
        EmbeddedScreenTest.runner()
            .run(inProcess(in, out, ScreenLimits.DEFAULT), ScreenRun.Progress.NONE);
    assertThat(s.patients()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("findings.ndjson"))).doesNotContain("secret");
    assertThat(errors(out))
        .containsExactly(
            "{\"file\":\"Patient.ndjson\",\"line\":0,\"kind\":\"link-not-followed\","
                + "\"problem\":\"a symbolic link; links in the export folder are not followed"
                + " (skipped)\"}");
  }

  @Test
  void limits_areTheOperatorsSettings_eachLongLineAndLargePatientReported() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("export"));
    String longLab = hemoglobin("p", 0, (1 << 20) + 10); // over 1 MiB
    StringBuilder labs = new StringBuilder(longLab).append(hemoglobin("p", 1, 0));
    labs.append(longLab).append("\r\n");
    for (int i = 0; i < 4; i++) {
      labs.append(hemoglobin("many", i, 0));
    }
    Files.writeString(in.resolve("Observation.ndjson"), labs);
    Files.writeString(in.resolve("Patient.ndjson"), patient("p") + patient("many"));

    Path out = tmp.resolve("out");
    ScreenSummary s =
        EmbeddedScreenTest.runner()
            .run(inProcess(in, out, ScreenLimits.of(1, 4, 1)), ScreenRun.Progress.NONE);
    List<String> errors = errors(out);
    int length = longLab.length() - 1;
    assertThat(errors)
        .containsExactly(
            "{\"file\":\"Observation.ndjson\",\"line\":1,\"kind\":\"line-too-long\","
                + "\"problem\":\""
                + length
                + " bytes, longer than the maximum line (--max-line-mb 1); skipped unread\"}",
            "{\"file\":\"Observation.ndjson\",\"line\":3,\"kind\":\"line-too-long\","
                + "\"problem\":\""
                + length
                + " bytes, longer than the maximum line (--max-line-mb 1); skipped unread\"}",
            "{\"patient\":\"many\",\"kind\":\"unreadable-patient\",\"problem\":\"5 resources"
                + " (0.0 MiB), more than the per-patient cap (--max-patient-resources 4,"
                + " --max-patient-mb 1); not screened\"}");
    assertThat(s.errors())
        .containsEntry(BulkError.LINE_TOO_LONG, 2L)
        .containsEntry(BulkError.UNREADABLE_PATIENT, 1L);
    // p is screened with the lines that fit
    assertThat(s.patients()).isEqualTo(2);
    assertThat(Files.readString(out.resolve("findings.ndjson")))
        .contains("{\"patient\":\"many\",\"status\":\"unreadable\"")
        .contains("{\"patient\":\"p\",\"findings\":[]");
  }
}
