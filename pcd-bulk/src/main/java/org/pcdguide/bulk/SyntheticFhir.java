package org.pcdguide.bulk;

import static org.pcdguide.bulk.SyntheticFiles.codeable;
import static org.pcdguide.bulk.SyntheticFiles.coding;
import static org.pcdguide.bulk.SyntheticFiles.mix;
import static org.pcdguide.bulk.SyntheticFiles.period;
import static org.pcdguide.bulk.SyntheticFiles.reference;
import static org.pcdguide.bulk.SyntheticFiles.s;
import static org.pcdguide.bulk.SyntheticFiles.string;
import static org.pcdguide.bulk.SyntheticFiles.ucum;
import static org.pcdguide.bulk.SyntheticFiles.uuid;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.LocalDate;
import org.pcdguide.bulk.SyntheticFiles.Code;

/**
 * Writes the FHIR R4 resources of one synthetic patient as compact JSON, in the shapes the FHIR
 * door maps (see pcd-fhir's CaseBundles test generator and docs/terminology.md): diagnosis labels
 * and findings as Conditions, clonality and history statements as local coded Observations, labs as
 * Observations with UCUM quantities and reference ranges, history as MedicationStatements and
 * Procedures, proposed orders as MedicationRequests. Codes and dates are pre-encoded ({@link
 * SerializedString}). Resource ids are UUID-looking strings from a bijective mix of a per-run
 * counter: unique, and the same for the same seed.
 */
final class SyntheticFhir {
  static final String PCD = "https://fhir.pcdguide.org/CodeSystem/pcd";
  static final String EXT = "https://fhir.pcdguide.org/StructureDefinition/";
  static final String LOINC = "http://loinc.org";
  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String ORPHANET = "http://www.orpha.net";
  static final String CVX = "http://hl7.org/fhir/sid/cvx";
  private static final String TERMINOLOGY = "http://terminology.hl7.org/CodeSystem/";
  private static final SerializedString RESPONSE_URL = s(EXT + "therapy-response");
  private static final Code ENCOUNTER_DIAGNOSIS =
      Code.of(TERMINOLOGY + "condition-category", "encounter-diagnosis", "");
  private static final Code PROBLEM =
      Code.of(TERMINOLOGY + "condition-category", "problem-list-item", "");
  private static final Code ACTIVE = Code.of(TERMINOLOGY + "condition-clinical", "active", "");
  private static final Code INACTIVE = Code.of(TERMINOLOGY + "condition-clinical", "inactive", "");
  private static final Code CONFIRMED =
      Code.of(TERMINOLOGY + "condition-ver-status", "confirmed", "");
  private static final Code REFUTED = Code.of(TERMINOLOGY + "condition-ver-status", "refuted", "");
  private static final Code VITAL_SIGNS =
      Code.of(TERMINOLOGY + "observation-category", "vital-signs", "Vital Signs");
  private static final Code LABORATORY =
      Code.of(TERMINOLOGY + "observation-category", "laboratory", "Laboratory");
  private static final Code AMBULATORY = Code.of(TERMINOLOGY + "v3-ActCode", "AMB", "ambulatory");
  private static final Code ALLERGY_ACTIVE =
      Code.of(TERMINOLOGY + "allergyintolerance-clinical", "active", "Active");
  private static final Code BLOOD_PRESSURE =
      Code.of(LOINC, "85354-9", "Blood pressure panel with all children optional");
  private static final Code SYSTOLIC = Code.of(LOINC, "8480-6", "Systolic blood pressure");
  private static final Code DIASTOLIC = Code.of(LOINC, "8462-4", "Diastolic blood pressure");
  private static final SerializedString MM_HG = s("mm[Hg]");

  /** A finding detail: a {@code finding-detail-<name>} extension, or the Condition's severity. */
  record Detail(String name, Object value) {}

  /** How many days back {@link #day} keeps its dates encoded. */
  private static final int DAYS = 20 * 366;

  private final SyntheticFiles files;
  private final LocalDate asOf;
  private final SerializedString[] days = new SerializedString[DAYS];
  private final long key;
  private final char[] id = new char[36];
  private long counter;
  private SerializedString patient = s("");

  SyntheticFhir(SyntheticFiles files, long seed, LocalDate asOf) {
    this.files = files;
    this.asOf = asOf;
    this.key = mix(seed ^ 0x5DEECE66DL);
  }

  /** The date {@code daysAgo} days before the as-of date (ISO), never after it. */
  SerializedString day(int daysAgo) {
    int d = Math.max(0, daysAgo);
    if (d >= DAYS) {
      return s(asOf.minusDays(d).toString());
    }
    SerializedString date = days[d];
    if (date == null) {
      date = s(asOf.minusDays(d).toString());
      days[d] = date;
    }
    return date;
  }

  /** Starts a patient: every resource written until the next call refers to it. */
  void patient(String patientId, boolean male, int age, int dayOfYear, String family, String given)
      throws IOException {
    patient = s("Patient/" + patientId);
    JsonGenerator g = files.start(SyntheticFiles.PATIENT);
    g.writeStringField("id", patientId);
    g.writeArrayFieldStart("name");
    g.writeStartObject();
    g.writeStringField("use", "official");
    g.writeStringField("family", family);
    g.writeArrayFieldStart("given");
    g.writeString(given);
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeStringField("gender", male ? "male" : "female");
    // born dayOfYear days before the birthday that makes the patient `age` on the as-of date
    g.writeStringField("birthDate", asOf.minusYears(age).minusDays(dayOfYear % 365).toString());
    SyntheticFiles.end(g);
  }

  /** An ambulatory encounter; returns the reference ("Encounter/id") for what was done there. */
  SerializedString encounter(SerializedString date, SerializedString text) throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.ENCOUNTER);
    String encounterId = writeId(g);
    g.writeStringField("status", "finished");
    g.writeFieldName("class");
    coding(g, AMBULATORY);
    g.writeArrayFieldStart("type");
    g.writeStartObject();
    string(g, "text", text);
    g.writeEndObject();
    g.writeEndArray();
    reference(g, "subject", patient);
    period(g, "period", date, date);
    SyntheticFiles.end(g);
    return s("Encounter/" + encounterId);
  }

  /**
   * A Condition: present (active, confirmed) or stated absent (inactive, refuted); category
   * encounter-diagnosis makes a diagnosis code the label, problem-list-item a finding.
   */
  void condition(
      Code code, boolean diagnosis, boolean present, SerializedString onset, Detail... details)
      throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.CONDITION);
    writeId(g);
    extensions(g, details);
    g.writeFieldName("clinicalStatus");
    codeable(g, present ? ACTIVE : INACTIVE);
    g.writeFieldName("verificationStatus");
    codeable(g, present ? CONFIRMED : REFUTED);
    g.writeArrayFieldStart("category");
    codeable(g, diagnosis ? ENCOUNTER_DIAGNOSIS : PROBLEM);
    g.writeEndArray();
    for (Detail d : details) {
      if (d.name().equals("severity")) {
        g.writeFieldName("severity");
        codeable(g, severity((String) d.value()));
      }
    }
    g.writeFieldName("code");
    codeable(g, code);
    onsetAndSubject(g, onset);
    SyntheticFiles.end(g);
  }

  /** A common condition coded in SNOMED CT and ICD-10-CM, neither of which the door maps. */
  void commonCondition(Code snomed, Code icd10, SerializedString onset) throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.CONDITION);
    writeId(g);
    g.writeFieldName("clinicalStatus");
    codeable(g, ACTIVE);
    g.writeFieldName("verificationStatus");
    codeable(g, CONFIRMED);
    g.writeArrayFieldStart("category");
    codeable(g, PROBLEM);
    g.writeEndArray();
    g.writeObjectFieldStart("code");
    g.writeArrayFieldStart("coding");
    coding(g, snomed);
    coding(g, icd10);
    g.writeEndArray();
    string(g, "text", snomed.display());
    g.writeEndObject();
    onsetAndSubject(g, onset);
    SyntheticFiles.end(g);
  }

  private void onsetAndSubject(JsonGenerator g, SerializedString onset) throws IOException {
    reference(g, "subject", patient);
    string(g, "onsetDateTime", onset);
    string(g, "recordedDate", onset);
  }

  private static void extensions(JsonGenerator g, Detail[] details) throws IOException {
    boolean open = false;
    for (Detail d : details) {
      if (d.name().equals("severity")) {
        continue;
      }
      if (!open) {
        g.writeArrayFieldStart("extension");
        open = true;
      }
      g.writeStartObject();
      g.writeStringField("url", EXT + "finding-detail-" + d.name());
      if (d.value() instanceof Boolean b) {
        g.writeBooleanField("valueBoolean", b);
      } else if (d.value() instanceof Integer i) {
        g.writeNumberField("valueInteger", i);
      } else {
        g.writeStringField("valueCode", (String) d.value());
      }
      g.writeEndObject();
    }
    if (open) {
      g.writeEndArray();
    }
  }

  private static Code severity(String s) {
    return switch (s) {
      case "mild" -> Code.of(SNOMED, "255604002", "Mild");
      case "moderate" -> Code.of(SNOMED, "6736007", "Moderate");
      default -> Code.of(SNOMED, "24484000", "Severe");
    };
  }

  /**
   * An Observation with a UCUM quantity, a vital sign or a laboratory result; the reference range's
   * {@code low}/{@code high} are NaN when absent; {@code encounter} and {@code specimen} are
   * references or null.
   */
  void quantity(
      Code code,
      boolean vital,
      double value,
      SerializedString unit,
      double low,
      double high,
      SerializedString date,
      SerializedString encounter,
      Specimen specimen)
      throws IOException {
    JsonGenerator g = observation(code, vital ? VITAL_SIGNS : LABORATORY, encounter, date);
    g.writeFieldName("valueQuantity");
    ucum(g, value, unit);
    if (specimen != null) {
      g.writeObjectFieldStart("specimen");
      string(g, "reference", specimen.reference());
      g.writeStringField("display", specimen.text());
      g.writeEndObject();
    }
    if (!Double.isNaN(low) || !Double.isNaN(high)) {
      g.writeArrayFieldStart("referenceRange");
      g.writeStartObject();
      if (!Double.isNaN(low)) {
        g.writeFieldName("low");
        ucum(g, low, unit);
      }
      if (!Double.isNaN(high)) {
        g.writeFieldName("high");
        ucum(g, high, unit);
      }
      g.writeEndObject();
      g.writeEndArray();
    }
    SyntheticFiles.end(g);
  }

  /** Blood pressure as the LOINC panel with systolic and diastolic components. */
  void bloodPressure(int systolic, int diastolic, SerializedString date, SerializedString encounter)
      throws IOException {
    JsonGenerator g = observation(BLOOD_PRESSURE, VITAL_SIGNS, encounter, date);
    g.writeArrayFieldStart("component");
    for (int i = 0; i < 2; i++) {
      g.writeStartObject();
      g.writeFieldName("code");
      codeable(g, i == 0 ? SYSTOLIC : DIASTOLIC);
      g.writeFieldName("valueQuantity");
      ucum(g, i == 0 ? systolic : diastolic, MM_HG);
      g.writeEndObject();
    }
    g.writeEndArray();
    SyntheticFiles.end(g);
  }

  private JsonGenerator observation(
      Code code, Code category, SerializedString encounter, SerializedString date)
      throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.OBSERVATION);
    writeId(g);
    g.writeStringField("status", "final");
    if (category != null) {
      g.writeArrayFieldStart("category");
      codeable(g, category);
      g.writeEndArray();
    }
    g.writeFieldName("code");
    codeable(g, code);
    reference(g, "subject", patient);
    if (encounter != null) {
      reference(g, "encounter", encounter);
    }
    string(g, "effectiveDateTime", date);
    return g;
  }

  /** A Specimen ("Plasma", "Serum") the next VEGF result names. */
  record Specimen(SerializedString reference, String text) {}

  /**
   * A Specimen collected on {@code date}. The result that names it also carries its text as the
   * reference's display, which the door reads when the Specimen itself is not at hand (bulk
   * screening skips Specimen resources).
   */
  Specimen specimen(String text, SerializedString date) throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.SPECIMEN);
    String specimenId = writeId(g);
    g.writeObjectFieldStart("type");
    g.writeStringField("text", text);
    g.writeEndObject();
    reference(g, "subject", patient);
    g.writeObjectFieldStart("collection");
    string(g, "collectedDateTime", date);
    g.writeEndObject();
    SyntheticFiles.end(g);
    return new Specimen(s("Specimen/" + specimenId), text);
  }

  /**
   * A local coded Observation ({@code obs:m-protein}, {@code obs:history-reviewed}, ...) with a
   * boolean value and optional components: pairs of local code and value (String or Boolean).
   */
  void coded(String concept, boolean value, SerializedString date, Object... components)
      throws IOException {
    JsonGenerator g = observation(Code.local(concept), null, null, date);
    g.writeBooleanField("valueBoolean", value);
    if (components.length > 0) {
      g.writeArrayFieldStart("component");
      for (int i = 0; i < components.length; i += 2) {
        g.writeStartObject();
        g.writeFieldName("code");
        codeable(g, Code.local((String) components[i]));
        if (components[i + 1] instanceof Boolean b) {
          g.writeBooleanField("valueBoolean", b);
        } else {
          g.writeStringField("valueString", (String) components[i + 1]);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    SyntheticFiles.end(g);
  }

  /** An order or proposal; status draft or active and intent proposal or order make it proposed. */
  void medicationRequest(Code medication, String status, String intent, SerializedString authored)
      throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.MEDICATION_REQUEST);
    writeId(g);
    g.writeStringField("status", status);
    g.writeStringField("intent", intent);
    g.writeFieldName("medicationCodeableConcept");
    codeable(g, medication);
    reference(g, "subject", patient);
    string(g, "authoredOn", authored);
    SyntheticFiles.end(g);
  }

  /** A therapy given: its period and, unless empty, the response (therapy-response extension). */
  void medicationStatement(
      Code medication, SerializedString start, SerializedString end, String response)
      throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.MEDICATION_STATEMENT);
    writeId(g);
    if (!response.isEmpty()) {
      g.writeArrayFieldStart("extension");
      g.writeStartObject();
      string(g, "url", RESPONSE_URL);
      g.writeStringField("valueCode", response);
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeStringField("status", "completed");
    g.writeFieldName("medicationCodeableConcept");
    codeable(g, medication);
    reference(g, "subject", patient);
    period(g, "effectivePeriod", start, end);
    SyntheticFiles.end(g);
  }

  /** A completed procedure on one day. */
  void procedure(Code code, SerializedString date) throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.PROCEDURE);
    writeId(g);
    g.writeStringField("status", "completed");
    g.writeFieldName("code");
    codeable(g, code);
    reference(g, "subject", patient);
    period(g, "performedPeriod", date, date);
    SyntheticFiles.end(g);
  }

  void immunization(Code vaccine, SerializedString date) throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.IMMUNIZATION);
    writeId(g);
    g.writeStringField("status", "completed");
    g.writeFieldName("vaccineCode");
    codeable(g, vaccine);
    reference(g, "patient", patient);
    string(g, "occurrenceDateTime", date);
    g.writeBooleanField("primarySource", true);
    SyntheticFiles.end(g);
  }

  void allergy(String substance, SerializedString date) throws IOException {
    JsonGenerator g = files.start(SyntheticFiles.ALLERGY);
    writeId(g);
    g.writeFieldName("clinicalStatus");
    codeable(g, ALLERGY_ACTIVE);
    g.writeObjectFieldStart("code");
    g.writeStringField("text", substance);
    g.writeEndObject();
    reference(g, "patient", patient);
    string(g, "recordedDate", date);
    SyntheticFiles.end(g);
  }

  /** Writes the next resource id and returns it. */
  private String writeId(JsonGenerator g) throws IOException {
    long hi = mix(key + counter++);
    uuid(hi, mix(hi ^ key), id);
    g.writeFieldName("id");
    g.writeString(id, 0, id.length);
    return new String(id);
  }
}
