package org.pcdguide.fhir;

import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.StringType;
import org.pcdguide.core.render.ReportView;

/**
 * What the assessment asks to do before and after acting: each screening finding that changes
 * management as a DetectedIssue (implicating the proposed orders it holds), and each plan item
 * (guidance ahead of a recommended or proposed procedure) as a RequestGroup action with prefix
 * "plan" pointing at a draft CommunicationRequest.
 */
final class AheadResources {
  private AheadResources() {}

  static void add(
      Bundle b, ReportView a, Reference subject, RequestGroup rg, Map<String, Reference> orders) {
    for (ReportView.Item s : a.screening()) {
      DetectedIssue issue = new DetectedIssue();
      issue.setId("screening-" + s.id().toLowerCase(Locale.ROOT));
      issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
      issue.setSeverity(DetectedIssue.DetectedIssueSeverity.MODERATE);
      issue.setCode(FhirAssessmentWriter.entryCode(s));
      issue.setPatient(subject);
      issue.setIdentified(new DateTimeType(a.asOf().toString()));
      issue.setDetail(s.heading() + ": " + s.statement());
      for (Map.Entry<String, Reference> o : orders.entrySet()) {
        if (a.proposedOrders().get(o.getKey()).agents().stream().anyMatch(s.proposed()::contains)) {
          issue.addImplicated(o.getValue());
        }
      }
      FhirAssessmentWriter.add(b, issue);
    }
    for (ReportView.Item p : a.plan()) {
      RequestGroup.RequestGroupActionComponent action = rg.addAction();
      action.setPrefix("plan");
      action.setTitle(p.summary());
      action.setDescription(p.statement());
      action.setTextEquivalent(
          p.summary() + p.schedule().map(w -> ". Window: " + w).orElse("") + ". " + p.statement());
      action.addCode(FhirAssessmentWriter.entryCode(p));
      for (ReportView.Evidence ev : p.evidence()) {
        action.addDocumentation(FhirAssessmentWriter.citation(ev));
      }
      CommunicationRequest request = new CommunicationRequest();
      request.setId("plan-" + p.id().toLowerCase(Locale.ROOT));
      request.setStatus(CommunicationRequest.CommunicationRequestStatus.DRAFT);
      request.setSubject(subject);
      request.addPayload().setContent(new StringType(p.statement()));
      FhirAssessmentWriter.add(b, request);
      action.setResource(
          new Reference("CommunicationRequest/" + request.getIdElement().getIdPart()));
    }
  }
}
