package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.cases.CaseReader;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.knowledge.Severity;

/**
 * Issue 13 rules 5 and 6 reach the headline block every renderer shows: a conflict between modules
 * and a disease-directed order for a contradicted label are critical flags, not a line at the
 * bottom of the warnings.
 */
class ConflictHeadlineTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path CASES = Path.of("src/test/resources/cases");

  @Test
  void moduleConflict_isACriticalFlagNamingBothEntriesAndTheOptionIsNotTheHeadline()
      throws IOException {
    ReportView v = view("conflict-01-poems-and-scleromyxedema-criteria-met-ivig.yaml");
    assertThat(v.headline().id()).isNotEqualTo("SCL-TX-001");
    assertThat(v.recommendations()).noneMatch(i -> i.id().equals("SCL-TX-001"));
    assertThat(critical(v))
        .anySatisfy(
            f -> {
              assertThat(f.entries()).containsExactly("SCL-TX-001", "POEMS-AVOID-005");
              assertThat(f.text()).contains("seed-002", "seed-003");
            });
    assertThat(TextReport.render(v, TextReport.Style.TEXT))
        .contains("CRITICAL: modules conflict on ivig-high-dose");
  }

  @Test
  void possibleConflict_isNoHeadlineFlag() throws IOException {
    ReportView v = view("conflict-03-scleromyxedema-met-poems-differential-open-ivig.yaml");
    assertThat(v.headline().id()).isEqualTo("SCL-TX-001");
    assertThat(critical(v)).isEmpty();
  }

  @Test
  void contradictedLabel_isACriticalFlagNamingTheOrderAndTheLabel() throws IOException {
    ReportView v = view("conflict-04-myeloma-label-polyclonal-vtd-pace.yaml");
    assertThat(critical(v))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.text()).startsWith("CRITICAL: proposed VTD-PACE");
              assertThat(f.text()).contains("labelled multiple-myeloma", "kappa and lambda");
              assertThat(f.entries()).containsExactly("MMP-TX-001");
            });
  }

  @Test
  void contradictedLabel_corticosteroidAlone_isNoCriticalFlag() throws IOException {
    assertThat(critical(view("conflict-07-myeloma-label-polyclonal-dexamethasone-alone.yaml")))
        .isEmpty();
  }

  private static List<ReportView.Flag> critical(ReportView v) {
    return v.headline().flags().stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
  }

  private static ReportView view(String file) throws IOException {
    JsonNode doc = YAML.readTree(CASES.resolve(file).toFile());
    byte[] input = YAML.writeValueAsBytes(doc.required("case"));
    PatientCase c = new CaseReader(TestPack.PACK.vocabulary()).read(file, input, Optional.empty());
    return ReportView.of(Engine.assess(c, TestPack.PACK, c.asOf().orElseThrow()), TestPack.PACK);
  }
}
