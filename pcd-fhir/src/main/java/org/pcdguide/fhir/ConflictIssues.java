package org.pcdguide.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.render.ReportView;

/**
 * Issue 13 rules 5 and 6 in FHIR: a critical warning (two assessed modules contradict each other)
 * is a high-severity DetectedIssue whether or not an order is proposed, coded with the warning id;
 * a critical order verdict (module-conflict, label-contradicted) is high, other verdicts moderate.
 */
final class ConflictIssues {
  private ConflictIssues() {}

  static DetectedIssue.DetectedIssueSeverity severity(ReportView.Verdict v) {
    return v.severity().orElse(Severity.WARNING) == Severity.CRITICAL
        ? DetectedIssue.DetectedIssueSeverity.HIGH
        : DetectedIssue.DetectedIssueSeverity.MODERATE;
  }

  /** Adds a DetectedIssue for each critical warning, numbered after the {@code n} issues before. */
  static void add(Bundle b, ReportView a, Reference subject, int n) {
    for (ReportView.Warning w : a.warnings()) {
      if (!w.critical()) {
        continue;
      }
      DetectedIssue issue = new DetectedIssue();
      issue.setId("issue-" + (++n));
      issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
      issue.setSeverity(DetectedIssue.DetectedIssueSeverity.HIGH);
      issue.setCode(
          new CodeableConcept()
              .addCoding(
                  new Coding(FhirAssessmentWriter.BASE + "CodeSystem/warning", w.id(), null)));
      issue.setPatient(subject);
      issue.setIdentified(new DateTimeType(a.asOf().toString()));
      issue.setDetail(w.statement());
      FhirAssessmentWriter.add(b, issue);
    }
  }
}
