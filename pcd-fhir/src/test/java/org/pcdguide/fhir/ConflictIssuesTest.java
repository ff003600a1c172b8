package org.pcdguide.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Engine;

/**
 * Issue 13 rules 5 and 6 reach FHIR: a conflict between modules and a disease-directed order for a
 * contradicted label are high-severity DetectedIssues (not moderate, not only a warning text).
 */
class ConflictIssuesTest {
  private static final Path CASES = Path.of("../pcd-core/src/test/resources/cases");
  private static final FhirAssessmentWriter WRITER =
      new FhirAssessmentWriter(BundleRoundTripTest.PACK, BundleRoundTripTest.TERMINOLOGY);

  @Test
  void moduleConflict_isAHighDetectedIssueNamingBothEntries() throws IOException {
    List<DetectedIssue> high =
        high(issues("conflict-01-poems-and-scleromyxedema-criteria-met-ivig.yaml"));
    assertThat(high)
        .anySatisfy(
            i -> {
              assertThat(i.getCode().getCodingFirstRep().getCode())
                  .isEqualTo("SCL-TX-001-conflicts-POEMS-AVOID-005");
              assertThat(i.getDetail()).contains("seed-002", "seed-003");
            })
        .anySatisfy(
            i -> {
              assertThat(i.getCode().getCodingFirstRep().getCode()).isEqualTo("module-conflict");
              assertThat(i.getImplicated()).hasSize(1);
            });
  }

  @Test
  void labelContradicted_isAHighDetectedIssueOnTheOrder() throws IOException {
    List<DetectedIssue> high = high(issues("conflict-04-myeloma-label-polyclonal-vtd-pace.yaml"));
    assertThat(high).hasSize(1);
    assertThat(high.get(0).getCode().getCodingFirstRep().getCode()).isEqualTo("label-contradicted");
    assertThat(high.get(0).getDetail()).contains("VTD-PACE", "MMP-TX-001");
  }

  @Test
  void possibleConflictWithAnOpenDifferential_isNoHighIssue() throws IOException {
    assertThat(high(issues("conflict-03-scleromyxedema-met-poems-differential-open-ivig.yaml")))
        .isEmpty();
  }

  private static List<DetectedIssue> high(List<DetectedIssue> issues) {
    return issues.stream()
        .filter(i -> i.getSeverity() == DetectedIssue.DetectedIssueSeverity.HIGH)
        .toList();
  }

  private static List<DetectedIssue> issues(String file) throws IOException {
    PatientCase c = BundleRoundTripTest.caseOf(CASES.resolve(file)).orElseThrow();
    Bundle b = WRITER.bundle(Engine.assess(c, BundleRoundTripTest.PACK, c.asOf().orElseThrow()), c);
    return b.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(DetectedIssue.class::isInstance)
        .map(DetectedIssue.class::cast)
        .toList();
  }
}
