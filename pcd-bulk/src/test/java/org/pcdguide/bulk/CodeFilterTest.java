package org.pcdguide.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcdguide.fhir.FhirResourceTypes;

/**
 * Pass 1 skips coded resources none of whose codings the door maps. That must not change any
 * patient's result: each patient is screened with and without the skipped lines.
 */
class CodeFilterTest {
  @TempDir Path tmp;

  @Test
  void skippingUnmappedCodes_changesNoPatientsResult() throws IOException {
    Path export = ExportFixture.write(tmp.resolve("export"));
    Path synthetic = tmp.resolve("synthetic");
    SyntheticPopulation.write(synthetic, 2000, 4, false, EmbeddedScreenTest.AS_OF);
    try (var files = Files.list(synthetic)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
        String name = p.getFileName().toString();
        Files.copy(p, export.resolve(name.replaceFirst("\\.", ".synthetic.")));
      }
    }
    Set<String> types = FhirResourceTypes.r4();
    CodeFilter filter = CodeFilter.of(BundledKnowledge.terminology());
    BulkExport bulk = BulkExport.of(export, types);
    Map<String, List<Located>> all = new TreeMap<>();
    Map<String, List<Located>> kept = new TreeMap<>();
    long skipped = 0;
    for (int f = 0; f < bulk.files().size(); f++) {
      try (InputStream in = BulkExport.open(bulk.files().get(f))) {
        LineReader r = new LineReader(in, ScreenLimits.DEFAULT.maxLineBytes());
        while (r.next()) {
          ResourceLine l = ResourceLine.classify(r.bytes(), r.length(), types);
          if (l.kind() != ResourceLine.Kind.READ) {
            continue;
          }
          Located line =
              new Located(
                  f, r.number(), new String(r.bytes(), 0, r.length(), StandardCharsets.UTF_8));
          all.computeIfAbsent(l.patient(), k -> new ArrayList<>()).add(line);
          if (ResourceLine.classify(r.bytes(), r.length(), types, filter).kind()
              == ResourceLine.Kind.READ) {
            kept.computeIfAbsent(l.patient(), k -> new ArrayList<>()).add(line);
          } else {
            skipped++;
          }
        }
      }
    }
    assertThat(skipped).as("the filter skips something in realistic data").isGreaterThan(1000);
    PatientScreen screen =
        new PatientScreen(
            BundledKnowledge.pack(),
            BundledKnowledge.terminology(),
            EmbeddedScreenTest.AS_OF,
            EmbeddedScreen.names(bulk),
            true);
    for (Map.Entry<String, List<Located>> p : all.entrySet()) {
      PatientResult full = screen.screen(p.getKey(), p.getValue());
      PatientResult filtered = screen.screen(p.getKey(), kept.getOrDefault(p.getKey(), List.of()));
      assertThat(filtered).as(p.getKey()).isEqualTo(full);
    }
    assertThat(all).hasSize(2000 + 22);
  }

  @Test
  void unmappedObservation_isSkipped_mappedAndOddCodingsAreKept() {
    Set<String> types = FhirResourceTypes.r4();
    CodeFilter filter = CodeFilter.of(BundledKnowledge.terminology());
    String vitals =
        "{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
            + "\"code\":\"8480-6\"}]},\"subject\":{\"reference\":\"Patient/1\"}}";
    String hemoglobin = vitals.replace("8480-6", "718-7");
    String odd = vitals.replace("[{", "[\"x\",{");
    String local =
        vitals
            .replace("http://loinc.org", "https://fhir.pcdguide.org/CodeSystem/pcd")
            .replace("8480-6", "finding:papilledema");
    assertThat(kind(vitals, types, filter)).isEqualTo(ResourceLine.Kind.SKIPPED);
    assertThat(kind(hemoglobin, types, filter)).isEqualTo(ResourceLine.Kind.READ);
    assertThat(kind(odd, types, filter)).isEqualTo(ResourceLine.Kind.READ);
    assertThat(kind(local, types, filter)).isEqualTo(ResourceLine.Kind.READ);
  }

  private static ResourceLine.Kind kind(String json, Set<String> types, CodeFilter filter) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return ResourceLine.classify(b, b.length, types, filter).kind();
  }
}
