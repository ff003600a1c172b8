package org.pcdguide.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;
import org.pcdguide.core.cases.Finding;
import org.pcdguide.core.cases.Lab;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Test generator: writes a case file's PatientCase as a FHIR R4 Bundle, using verified external
 * codes where the terminology map has them and the local code system otherwise.
 */
final class CaseBundles {
  private final Vocabulary vocabulary;
  private final Terminology terminology;
  private final Bundle bundle = new Bundle();
  private int n;

  private CaseBundles(Vocabulary vocabulary, Terminology terminology) {
    this.vocabulary = vocabulary;
    this.terminology = terminology;
  }

  static String json(PatientCase c, Vocabulary vocabulary, Terminology terminology) {
    return HapiBundleCaseSource.context()
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(bundle(c, vocabulary, terminology));
  }

  static Bundle bundle(PatientCase c, Vocabulary vocabulary, Terminology terminology) {
    return new CaseBundles(vocabulary, terminology).build(c);
  }

  private Bundle build(PatientCase c) {
    bundle.setType(Bundle.BundleType.COLLECTION);
    if (c.id().matches("[A-Za-z0-9\\-.]{1,64}")) {
      bundle.setId(c.id());
    }
    c.asOf().ifPresent(d -> bundle.setTimestamp(date(d)));
    Patient p = new Patient();
    p.setId("p");
    switch (c.patient().sex()) {
      case "female" -> p.setGender(Enumerations.AdministrativeGender.FEMALE);
      case "male" -> p.setGender(Enumerations.AdministrativeGender.MALE);
      case "other" -> p.setGender(Enumerations.AdministrativeGender.OTHER);
      default -> {}
    }
    c.patient().age().ifPresent(a -> p.setBirthDate(date(c.asOf().orElseThrow().minusYears(a))));
    add(p);
    c.diagnosis().ifPresent(d -> add(condition("diagnosis:" + d, true, "encounter-diagnosis")));
    for (Finding f : c.findings().values()) {
      Condition cond = condition("finding:" + f.id(), f.present(), "problem-list-item");
      details(cond, f);
      add(cond);
    }
    c.clonality()
        .mProteinPresent()
        .ifPresent(
            m -> {
              Observation o = observation("obs:m-protein");
              o.setValue(new BooleanType(m));
              c.clonality()
                  .heavyChain()
                  .ifPresent(
                      h ->
                          o.addComponent()
                              .setCode(local("obs:heavy-chain"))
                              .setValue(new StringType(h)));
              c.clonality()
                  .lightChain()
                  .ifPresent(
                      l ->
                          o.addComponent()
                              .setCode(local("obs:light-chain"))
                              .setValue(new StringType(l)));
              add(o);
            });
    if (c.clonality().ihcKappa().isPresent() || c.clonality().ihcLambda().isPresent()) {
      Observation o = observation("obs:plasma-cell-ihc");
      c.clonality()
          .ihcKappa()
          .ifPresent(
              k -> o.addComponent().setCode(local("obs:kappa")).setValue(new BooleanType(k)));
      c.clonality()
          .ihcLambda()
          .ifPresent(
              l -> o.addComponent().setCode(local("obs:lambda")).setValue(new BooleanType(l)));
      add(o);
    }
    c.clonality()
        .polyclonalHypergammaglobulinemia()
        .ifPresent(
            v ->
                add(
                    observation("obs:polyclonal-hypergammaglobulinemia")
                        .setValue(new BooleanType(v))));
    c.patient()
        .transplantEligible()
        .ifPresent(v -> add(observation("obs:transplant-eligible").setValue(new BooleanType(v))));
    for (Lab lab : c.labs()) {
      add(lab(lab));
    }
    c.history()
        .ifPresent(
            h -> {
              add(observation("obs:history-reviewed").setValue(new BooleanType(true)));
              h.forEach(this::therapy);
            });
    for (String id : c.proposed()) {
      if (procedure(id)) {
        ServiceRequest s = new ServiceRequest();
        s.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        s.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        s.setCode(code(concept(id)));
        s.setSubject(new Reference("Patient/p"));
        add(s);
      } else {
        MedicationRequest r = new MedicationRequest();
        r.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        r.setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
        r.setMedication(code(concept(id)));
        r.setSubject(new Reference("Patient/p"));
        add(r);
      }
    }
    return bundle;
  }

  private Observation lab(Lab lab) {
    boolean vegf = lab.test().startsWith("vegf-");
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(code(vegf ? "lab:vegf" : "lab:" + lab.test()));
    o.setSubject(new Reference("Patient/p"));
    o.setValue(quantity(lab.statedValue(), lab.statedUnit()));
    lab.date().ifPresent(d -> o.setEffective(new DateTimeType(d.toString())));
    if (lab.referenceLow().isPresent() || lab.referenceHigh().isPresent()) {
      Observation.ObservationReferenceRangeComponent rr = o.addReferenceRange();
      lab.referenceLow().ifPresent(l -> rr.setLow(quantity(l, lab.unit())));
      lab.referenceHigh().ifPresent(h -> rr.setHigh(quantity(h, lab.unit())));
    }
    if (vegf) {
      String kind = lab.test().substring("vegf-".length());
      Specimen s = new Specimen();
      s.setId("s" + (n + 1));
      s.setType(new CodeableConcept().setText(kind.equals("plasma") ? "Plasma" : "Serum"));
      s.setSubject(new Reference("Patient/p"));
      add(s);
      o.setSpecimen(new Reference("Specimen/" + s.getIdElement().getIdPart()));
    }
    return o;
  }

  private void therapy(Therapy t) {
    if (procedure(t.therapy())) {
      Procedure p = new Procedure();
      p.setStatus(Procedure.ProcedureStatus.COMPLETED);
      p.setCode(code(concept(t.therapy())));
      p.setSubject(new Reference("Patient/p"));
      if (t.start().isPresent() || t.end().isPresent()) {
        Period period = new Period();
        t.start().ifPresent(d -> period.setStartElement(new DateTimeType(d.toString())));
        t.end().ifPresent(d -> period.setEndElement(new DateTimeType(d.toString())));
        p.setPerformed(period);
      }
      t.response().ifPresent(r -> p.setOutcome(local("response:" + r)));
      add(p);
    } else {
      MedicationStatement s = new MedicationStatement();
      s.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
      s.setMedication(code(concept(t.therapy())));
      s.setSubject(new Reference("Patient/p"));
      if (t.start().isPresent() || t.end().isPresent()) {
        Period period = new Period();
        t.start().ifPresent(d -> period.setStartElement(new DateTimeType(d.toString())));
        t.end().ifPresent(d -> period.setEndElement(new DateTimeType(d.toString())));
        s.setEffective(period);
      }
      t.response().ifPresent(r -> s.addExtension(TherapyMapping.RESPONSE, new CodeType(r)));
      add(s);
    }
  }

  private boolean procedure(String therapy) {
    Vocabulary.AgentDef a = vocabulary.agents().get(therapy);
    return a != null && a.procedure();
  }

  private String concept(String therapy) {
    return (vocabulary.agents().containsKey(therapy) ? "agent:" : "regimen:") + therapy;
  }

  private Condition condition(String concept, boolean present, String category) {
    Condition c = new Condition();
    c.addCategory(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-category", category, null)));
    c.setCode(code(concept));
    c.setSubject(new Reference("Patient/p"));
    c.setClinicalStatus(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-clinical",
                    present ? "active" : "inactive",
                    null)));
    c.setVerificationStatus(
        new CodeableConcept()
            .addCoding(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                    present ? "confirmed" : "refuted",
                    null)));
    return c;
  }

  private void details(Condition c, Finding f) {
    for (Map.Entry<String, Object> d : f.details().entrySet()) {
      String url = BundleMapping.EXT + "finding-detail-" + d.getKey();
      if (d.getKey().equals("severity")) {
        Terminology.Code s = terminology.codesFor("severity:" + d.getValue()).get(0);
        c.setSeverity(
            new CodeableConcept().addCoding(new Coding(s.system(), s.code(), s.display())));
      } else if (d.getValue() instanceof Boolean b) {
        c.addExtension(url, new BooleanType(b));
      } else if (d.getValue() instanceof Long l) {
        c.addExtension(url, new IntegerType(l.intValue()));
      } else if (d.getValue() instanceof List<?> list) {
        list.forEach(v -> c.addExtension(url, new CodeType((String) v)));
      } else {
        c.addExtension(url, new CodeType((String) d.getValue()));
      }
    }
  }

  private Observation observation(String concept) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.setCode(local(concept));
    o.setSubject(new Reference("Patient/p"));
    return o;
  }

  /** A verified external code when the map has one, else the local code. */
  private CodeableConcept code(String concept) {
    for (Terminology.Code c : terminology.codesFor(concept)) {
      if (c.verified()) {
        return new CodeableConcept().addCoding(new Coding(c.system(), c.code(), c.display()));
      }
    }
    return local(concept);
  }

  private CodeableConcept local(String concept) {
    return new CodeableConcept().addCoding(new Coding(terminology.local(), concept, null));
  }

  private static Quantity quantity(double value, String unit) {
    return new Quantity()
        .setValue(new BigDecimal(Double.toString(value)))
        .setUnit(unit)
        .setSystem("http://unitsofmeasure.org")
        .setCode(unit);
  }

  private void add(Resource r) {
    if (!r.hasIdElement() || r.getIdElement().isEmpty()) {
      r.setId("r" + (++n));
    }
    bundle
        .addEntry()
        .setFullUrl(
            "urn:uuid:00000000-0000-0000-0000-"
                + String.format("%012d", bundle.getEntry().size() + 1))
        .setResource(r);
  }

  private static Date date(LocalDate d) {
    return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
  }
}
