package org.pcdguide.fhir;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DataRequirement;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.VerdictKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.render.ReportView;

/**
 * An assessment as FHIR R4 resources in one collection Bundle: a RequestGroup of the ranked
 * recommendations (citations as RelatedArtifact), a DetectedIssue for every agent to avoid that a
 * proposed order hits (implicating that order), a GuidanceResponse with the missing data as
 * dataRequirement and the warnings as an OperationOutcome, and a Provenance naming the knowledge
 * version and hash. Ids and timestamps are derived from the input, so output is deterministic.
 */
public final class FhirAssessmentWriter {
  static final String BASE = "https://fhir.pcdguide.org/";
  private final KnowledgePack pack;
  private final Terminology terminology;

  public FhirAssessmentWriter(KnowledgePack pack, Terminology terminology) {
    this.pack = pack;
    this.terminology = terminology;
  }

  public String json(Assessment a, PatientCase c) {
    return json(ReportView.of(a, pack));
  }

  public String json(ReportView a) {
    return HapiBundleCaseSource.context()
            .newJsonParser()
            .setPrettyPrint(true)
            .encodeResourceToString(bundle(a))
        + "\n";
  }

  public Bundle bundle(Assessment a, PatientCase c) {
    return bundle(ReportView.of(a, pack));
  }

  public Bundle bundle(ReportView a) {
    Bundle b = new Bundle();
    b.setType(Bundle.BundleType.COLLECTION);
    b.setTimestamp(instant(a.asOf()));
    Patient patient = new Patient();
    patient.setId("patient");
    if (!a.caseId().isEmpty()) {
      patient.addIdentifier(new Identifier().setSystem(BASE + "case-id").setValue(a.caseId()));
    }
    add(b, patient);
    Reference subject = new Reference("Patient/patient");
    Map<String, Reference> orders = new ProposedOrderResources(terminology).add(b, a, subject);
    RequestGroup rg = requestGroup(a, subject, b);
    AheadResources.add(b, a, subject, rg, orders);
    add(b, rg);
    int n = 0;
    for (ReportView.Item i : a.avoid()) {
      if (i.proposed().isEmpty()) {
        continue;
      }
      DetectedIssue issue = new DetectedIssue();
      issue.setId("issue-" + (++n));
      issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
      issue.setSeverity(DetectedIssue.DetectedIssueSeverity.HIGH);
      issue.setCode(entryCode(i));
      issue.setPatient(subject);
      issue.setIdentified(new org.hl7.fhir.r4.model.DateTimeType(a.asOf().toString()));
      issue.setDetail(i.statement() + " (" + String.join("; ", grades(i)) + ")");
      for (String agent : i.proposed()) {
        for (Map.Entry<String, Reference> o : orders.entrySet()) {
          if (a.proposedOrders().get(o.getKey()).agents().contains(agent)) {
            issue.addImplicated(o.getValue());
          }
        }
      }
      add(b, issue);
    }
    for (ReportView.ProposedOrder o : a.proposedOrders().values()) {
      for (ReportView.Verdict v : o.verdicts()) {
        if (v.severity().isEmpty() || v.kind() == VerdictKind.HITS_AVOID) {
          continue; // informational verdicts stay in the report; avoid hits are above
        }
        DetectedIssue issue = new DetectedIssue();
        issue.setId("issue-" + (++n));
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setSeverity(ConflictIssues.severity(v));
        issue.setCode(
            new CodeableConcept()
                .addCoding(new Coding(BASE + "CodeSystem/order-verdict", v.kind().word(), null)));
        issue.setPatient(subject);
        issue.setIdentified(new org.hl7.fhir.r4.model.DateTimeType(a.asOf().toString()));
        issue.setDetail(o.label() + ": " + v.statement());
        Reference order = orders.get(o.id());
        if (order != null) {
          issue.addImplicated(order);
        }
        add(b, issue);
      }
    }
    ConflictIssues.add(b, a, subject, n);
    OperationOutcome warnings = new OperationOutcome();
    warnings.setId("warnings");
    for (ReportView.Warning w : a.warnings()) {
      warnings
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.WARNING)
          .setCode(OperationOutcome.IssueType.INFORMATIONAL)
          .setDiagnostics(w.id() + ": " + w.statement());
    }
    if (!warnings.hasIssue()) {
      warnings
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
          .setCode(OperationOutcome.IssueType.INFORMATIONAL)
          .setDiagnostics("no warnings");
    }
    add(b, warnings);
    add(b, guidance(a, subject));
    Device device = new Device();
    device.setId("pcd-guide");
    device.addDeviceName().setName("PCD Guide").setType(Device.DeviceNameType.MANUFACTURERNAME);
    device.addVersion().setValue("knowledge " + a.knowledgeVersion() + " " + a.knowledgeHash());
    add(b, device);
    add(b, provenance(b, a));
    return b;
  }

  private RequestGroup requestGroup(ReportView a, Reference subject, Bundle b) {
    RequestGroup rg = new RequestGroup();
    rg.setId("recommendations");
    rg.setStatus(RequestGroup.RequestStatus.DRAFT);
    rg.setIntent(RequestGroup.RequestIntent.PROPOSAL);
    rg.setSubject(subject);
    rg.setAuthoredOn(instant(a.asOf()));
    for (List<ReportView.Item> section : List.of(a.recommendations(), a.monitoring())) {
      for (ReportView.Item e : section) {
        RequestGroup.RequestGroupActionComponent action = rg.addAction();
        action.setPrefix(e.kind().word() + (e.kind().treatment() ? " #" + e.rank() : ""));
        action.setTitle(e.title().isEmpty() ? e.id() : e.title());
        action.setDescription(e.statement());
        action.setTextEquivalent(ActionText.of(e));
        action.addCode(entryCode(e));
        for (ReportView.Evidence ev : e.evidence()) {
          action.addDocumentation(citation(ev));
        }
        // each action points at a draft request carrying the statement (RequestGroup rqg-1)
        org.hl7.fhir.r4.model.CommunicationRequest request =
            new org.hl7.fhir.r4.model.CommunicationRequest();
        request.setId("action-" + e.id().toLowerCase(java.util.Locale.ROOT));
        request.setStatus(
            org.hl7.fhir.r4.model.CommunicationRequest.CommunicationRequestStatus.DRAFT);
        request.setSubject(subject);
        request.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(e.statement()));
        add(b, request);
        action.setResource(
            new Reference("CommunicationRequest/" + request.getIdElement().getIdPart()));
      }
    }
    return rg;
  }

  private GuidanceResponse guidance(ReportView a, Reference subject) {
    GuidanceResponse g = new GuidanceResponse();
    g.setId("evaluation");
    g.setModule(new org.hl7.fhir.r4.model.UriType(BASE + "knowledge/" + a.knowledgeVersion()));
    g.setStatus(
        a.missingData().isEmpty()
            ? GuidanceResponse.GuidanceResponseStatus.SUCCESS
            : GuidanceResponse.GuidanceResponseStatus.DATAREQUIRED);
    g.setSubject(subject);
    g.setOccurrenceDateTime(instant(a.asOf()));
    g.setResult(new Reference("RequestGroup/recommendations"));
    g.addEvaluationMessage(new Reference("OperationOutcome/warnings"));
    for (Assessment.MissingData m : a.missingData()) {
      DataRequirement dr = g.addDataRequirement();
      dr.setType(type(m.finding()));
      dr.addCodeFilter()
          .setPath("code")
          .addCode(new Coding(terminology.local(), m.finding(), m.statement()));
    }
    return g;
  }

  private Provenance provenance(Bundle b, ReportView a) {
    Provenance p = new Provenance();
    p.setId("provenance");
    for (Bundle.BundleEntryComponent e : b.getEntry()) {
      Resource r = e.getResource();
      if (!(r instanceof Patient) && !(r instanceof Device)) {
        p.addTarget(new Reference(r.fhirType() + "/" + r.getIdElement().getIdPart()));
      }
    }
    p.setRecorded(instant(a.asOf()));
    p.addAgent().setWho(new Reference("Device/pcd-guide"));
    p.addEntity()
        .setRole(Provenance.ProvenanceEntityRole.SOURCE)
        .setWhat(
            new Reference()
                .setIdentifier(
                    new Identifier()
                        .setSystem(BASE + "knowledge")
                        .setValue(a.knowledgeVersion() + " " + a.knowledgeHash()))
                .setDisplay(
                    "PCD Guide knowledge pack "
                        + a.knowledgeVersion()
                        + " ("
                        + a.knowledgeHash()
                        + ")"));
    return p;
  }

  /** The proposed orders as draft requests, so that a DetectedIssue can implicate them. */
  static CodeableConcept entryCode(ReportView.Item e) {
    return new CodeableConcept()
        .addCoding(
            new Coding(
                BASE + "CodeSystem/knowledge-entry",
                e.id(),
                e.title().isEmpty() ? null : e.title()));
  }

  static RelatedArtifact citation(ReportView.Evidence ev) {
    ReportView.SourceView s = ev.source();
    StringBuilder text = new StringBuilder(s.title());
    s.citation().ifPresent(c -> text.append(". ").append(c));
    text.append(" [")
        .append(s.kind().word())
        .append("; ")
        .append(s.population().word())
        .append("; grade ")
        .append(s.grade().word());
    for (String label : ev.labels()) {
      text.append("; ").append(label);
    }
    text.append("] ").append(ev.locator());
    ev.quote().ifPresent(q -> text.append(": \"").append(q).append("\""));
    return new RelatedArtifact()
        .setType(RelatedArtifact.RelatedArtifactType.CITATION)
        .setLabel(s.id())
        .setDisplay(s.title())
        .setCitation(text.toString());
  }

  private static List<String> grades(ReportView.Item e) {
    return e.gradedSources().stream().map(s -> s.id() + " grade " + s.grade().word()).toList();
  }

  private static String type(String finding) {
    String head = finding.contains(".") ? finding.substring(0, finding.indexOf('.')) : finding;
    if (head.equals("patient")) {
      return "Patient";
    }
    if (head.equals("history")) {
      return "MedicationStatement";
    }
    if (head.equals("clonality")
        || finding.contains("reference-range")
        || head.startsWith("vegf")
        || head.equals("hemoglobin")
        || head.equals("platelets")
        || head.startsWith("il-6")
        || head.equals("creatinine-clearance")
        || head.equals("egfr")) {
      return "Observation";
    }
    return "Condition";
  }

  static void add(Bundle b, Resource r) {
    b.addEntry()
        .setFullUrl(BASE + "fhir/" + r.fhirType() + "/" + r.getIdElement().getIdPart())
        .setResource(r);
  }

  private static Date instant(LocalDate d) {
    return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
  }
}
