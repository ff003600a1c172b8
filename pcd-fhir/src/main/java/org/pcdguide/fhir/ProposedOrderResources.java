package org.pcdguide.fhir;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.pcdguide.core.render.ReportView;

/**
 * The proposed orders of an assessment as draft requests (MedicationRequest, or ServiceRequest for
 * a procedure), coded with the verified terminology codes and the local concept, so that a
 * DetectedIssue can implicate them.
 */
record ProposedOrderResources(Terminology terminology) {
  /** Adds the draft requests to the bundle; returns their references by proposed id. */
  Map<String, Reference> add(Bundle b, ReportView a, Reference subject) {
    Map<String, Reference> refs = new LinkedHashMap<>();
    int n = 0;
    for (ReportView.ProposedOrder order : a.proposedOrders().values()) {
      String id = order.id();
      String concept = (order.regimen() ? "regimen:" : "agent:") + id;
      boolean procedure = order.procedure();
      String rid = "order-" + (++n);
      if (procedure) {
        ServiceRequest s = new ServiceRequest();
        s.setId(rid);
        s.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        s.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        s.setCode(code(concept, order.label()));
        s.setSubject(subject);
        FhirAssessmentWriter.add(b, s);
        refs.put(id, new Reference("ServiceRequest/" + rid));
      } else {
        MedicationRequest m = new MedicationRequest();
        m.setId(rid);
        m.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        m.setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
        m.setMedication(code(concept, order.label()));
        m.setSubject(subject);
        FhirAssessmentWriter.add(b, m);
        refs.put(id, new Reference("MedicationRequest/" + rid));
      }
    }
    return refs;
  }

  private CodeableConcept code(String concept, String label) {
    CodeableConcept cc = new CodeableConcept().setText(label);
    for (Terminology.Code c : terminology.codesFor(concept)) {
      if (c.verified()) {
        cc.addCoding(new Coding(c.system(), c.code(), c.display()));
      }
    }
    cc.addCoding(new Coding(terminology.local(), concept, label));
    return cc;
  }
}
