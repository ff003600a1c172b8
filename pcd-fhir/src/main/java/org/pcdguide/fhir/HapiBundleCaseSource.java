package org.pcdguide.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The FHIR R4 door: a Bundle (collection, searchset, transaction or document) in, the same {@link
 * PatientCase} a case file gives out. Malformed or non-R4 input is a {@link CaseFormatException}
 * naming what is wrong; resources and codes it cannot use are kept as notes (warnings).
 */
public final class HapiBundleCaseSource {
  /** HAPI's R4 context, built on first use (it takes about a second): case files never pay. */
  private static final class R4Holder {
    static final FhirContext R4 = FhirContext.forR4Cached();
  }

  private final Vocabulary vocabulary;
  private final Terminology terminology;

  public HapiBundleCaseSource(Vocabulary vocabulary, Terminology terminology) {
    this.vocabulary = vocabulary;
    this.terminology = terminology;
  }

  public static FhirContext context() {
    return R4Holder.R4;
  }

  /** Whether the content looks like a FHIR resource (JSON with a resourceType). */
  public static boolean looksLikeFhir(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
    return head.stripLeading().startsWith("{") && head.contains("\"resourceType\"");
  }

  public PatientCase read(String name, byte[] content, Optional<LocalDate> asOfOverride) {
    Bundle bundle = parse(name, content);
    Optional<LocalDate> asOf =
        asOfOverride.or(
            () ->
                bundle.hasTimestamp()
                    ? Optional.of(
                        bundle.getTimestamp().toInstant().atOffset(ZoneOffset.UTC).toLocalDate())
                    : Optional.empty());
    BundleMapping mapping = new BundleMapping(vocabulary, new FhirCodes(terminology), bundle, asOf);
    PatientCase c = mapping.map();
    if (!mapping.problems().isEmpty()) {
      throw new CaseFormatException(name, mapping.problems());
    }
    return c;
  }

  /**
   * The draft orders of a Bundle that map to a vocabulary agent or regimen: resource reference
   * ("MedicationRequest/123") to therapy id, so that a card can suggest removing the right one.
   */
  public java.util.Map<String, String> orders(String name, byte[] content) {
    Bundle bundle = parse(name, content);
    FhirCodes codes = new FhirCodes(terminology);
    java.util.Map<String, String> orders = new java.util.LinkedHashMap<>();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      org.hl7.fhir.r4.model.Resource r = e.getResource();
      org.hl7.fhir.r4.model.CodeableConcept code = null;
      if (r instanceof org.hl7.fhir.r4.model.MedicationRequest m
          && m.hasMedicationCodeableConcept()) {
        code = m.getMedicationCodeableConcept();
      } else if (r instanceof org.hl7.fhir.r4.model.ServiceRequest s) {
        code = s.getCode();
      }
      if (code != null) {
        codes
            .concept(code, "agent", "regimen")
            .map(FhirCodes::id)
            .filter(vocabulary::isTherapy)
            .ifPresent(id -> orders.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), id));
      }
    }
    return orders;
  }

  static Bundle parse(String name, byte[] content) {
    IBaseResource resource;
    try {
      IParser parser = context().newJsonParser();
      resource = parser.parseResource(new String(content, StandardCharsets.UTF_8));
    } catch (RuntimeException | StackOverflowError e) {
      throw CaseFormatException.malformed(
          name, new Problem("", "not a FHIR R4 JSON resource: " + firstLine(e.getMessage())));
    }
    if (!(resource instanceof Bundle bundle)) {
      throw new CaseFormatException(
          name,
          List.of(
              new Problem(
                  "resourceType",
                  "'"
                      + resource.fhirType()
                      + "' is not a Bundle; send a Bundle of the patient's resources")));
    }
    if (bundle.hasType()
        && !List.of(
                Bundle.BundleType.COLLECTION,
                Bundle.BundleType.SEARCHSET,
                Bundle.BundleType.TRANSACTION,
                Bundle.BundleType.DOCUMENT,
                Bundle.BundleType.BATCH)
            .contains(bundle.getType())) {
      throw new CaseFormatException(
          name,
          List.of(
              new Problem(
                  "type",
                  "'"
                      + bundle.getType().toCode()
                      + "' is not collection, searchset, transaction or document")));
    }
    return bundle;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable content";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
