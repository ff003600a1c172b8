package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, defects 1 and 5 at the command line: a lab unit too costly for UCUM and a value that
 * overflows a double once converted end {@code pcd assess} with exit 2 naming the file, field and
 * value, and are one patient's error in {@code pcd screen}, which goes on with the others.
 */
class Issue15UnitsCliTest {
  @TempDir Path dir;

  private Path caseWith(String value, String unit) throws IOException {
    Path file = dir.resolve("case.yaml");
    Files.writeString(
        file,
        "pcd-case: 1\nlabs:\n  - {test: hemoglobin, value: " + value + ", unit: '" + unit + "'}\n");
    return file;
  }

  // before the fix this never ended; the timeout only turns a hang into a failure
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void assess_hugePowerOfTen_exit2NamingTheUnit() throws IOException {
    PcdTest.Run r = PcdTest.pcd("assess", caseWith("12", "10^99999999.g/dL").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("case.yaml: 1 problem")
        .contains(
            "labs[0].unit: '10^99999999.g/dL' is refused: it has a power of ten beyond 24"
                + " ('10^99999999')")
        .doesNotContain("internal error");
  }

  @Test
  void assess_valueOverflowingOnConversion_exit2NamingTheValue() throws IOException {
    // before the fix: exit 1, "pcd: internal error: IllegalArgumentException"
    PcdTest.Run r = PcdTest.pcd("assess", caseWith("1e308", "kg/dL").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("labs[0].value: '1.0E308 kg/dL' is out of range in g/dL")
        .doesNotContain("internal error");
  }

  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void screen_refusedUnitAndOverflow_perPatientErrorsAndTheRunGoesOn() throws IOException {
    Path export = Files.createDirectories(dir.resolve("export"));
    Files.write(
        export.resolve("Patient.ndjson"), List.of(patient("p1"), patient("p2"), patient("p3")));
    Files.write(
        export.resolve("Observation.ndjson"),
        List.of(
            hemoglobin("o1", "p1", "12", "10^99999999.g/dL"),
            hemoglobin("o2", "p2", "1e308", "kg/dL"),
            hemoglobin("o3", "p3", "12", "g/dL")));
    Path out = dir.resolve("out");
    PcdTest.Run r =
        PcdTest.pcd("screen", export.toString(), "--out", out.toString(), "--as-of", "2026-11-01");
    assertThat(r.err()).doesNotContain("internal error");
    assertThat(r.out()).contains("Screened 3 patients");
    String errors = Files.readString(out.resolve("errors.ndjson"));
    assertThat(errors)
        .contains("Observation/o1.valueQuantity.code: '10^99999999.g/dL' is refused")
        .contains("Observation/o2.valueQuantity.value: '1.0E308 kg/dL' is out of range in g/dL")
        .doesNotContain("\"p3\"");
  }

  private static String patient(String id) {
    return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"birthDate\":\"1960-01-01\"}";
  }

  private static String hemoglobin(String id, String patient, String value, String unit) {
    return "{\"resourceType\":\"Observation\",\"id\":\""
        + id
        + "\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/"
        + patient
        + "\"},\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\"}]},"
        + "\"valueQuantity\":{\"value\":"
        + value
        + ",\"code\":\""
        + unit
        + "\"}}";
  }
}
