package org.pcdguide.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * naming what is wrong; resources and codes it cannot use are kept as notes (warnings). HAPI's
 * parser is the strict check of the whole Bundle (a malformed value in any field, a resource type
 * that is not R4's); the entries are then mapped from the original JSON by the same mapping as
 * {@link JsonResourceCaseSource}, so both doors give the same case.
 */
public final class HapiBundleCaseSource {
  /** HAPI's R4 context, built on first use (it takes about a second): case files never pay. */
  private static final class R4Holder {
    static final FhirContext R4 = FhirContext.forR4Cached();
  }

  /**
   * Jackson reads the same text again, for the JSON mapping, with HAPI's settings: decimals as
   * BigDecimal, exactly as written.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private final JsonResourceCaseSource resources;

  public HapiBundleCaseSource(Vocabulary vocabulary, Terminology terminology) {
    this.resources = new JsonResourceCaseSource(vocabulary, terminology);
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
    String text = new String(content, StandardCharsets.UTF_8);
    Bundle bundle = parse(name, text);
    Optional<LocalDate> asOf =
        asOfOverride.or(
            () ->
                bundle.hasTimestamp()
                    ? Optional.of(
                        bundle.getTimestamp().toInstant().atOffset(ZoneOffset.UTC).toLocalDate())
                    : Optional.empty());
    String id =
        bundle.hasIdElement() && bundle.getIdElement().hasIdPart()
            ? bundle.getIdElement().getIdPart()
            : "";
    return resources.read(name, id, entries(name, text), asOf, new ArrayList<>());
  }

  /**
   * The draft orders of a Bundle that map to a vocabulary agent or regimen: resource reference
   * ("MedicationRequest/123") to therapy id, so that a card can suggest removing the right one.
   */
  public Map<String, String> orders(String name, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    parse(name, text);
    return resources.orders(entries(name, text));
  }

  /**
   * The Bundle's entries as the sender wrote them, for the JSON mapping: HAPI has checked the
   * Bundle, and the mapping reads the original JSON, not HAPI's re-encoding of it.
   */
  static List<FhirResource> entries(String name, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException | RuntimeException e) {
      // HAPI's parser (Jackson with the same settings) has already accepted the text
      throw CaseFormatException.malformed(
          name, new Problem("", "not a FHIR R4 JSON resource: " + firstLine(e.getMessage())));
    }
    List<FhirResource> entries = new ArrayList<>();
    for (JsonNode entry : FhirJson.list(root, "entry")) {
      JsonNode resource = FhirJson.one(entry, "resource");
      if (resource.isObject()) {
        entries.add(FhirResource.of(resource, FhirJson.text(entry, "fullUrl").orElse("")));
      }
    }
    return entries;
  }

  static Bundle parse(String name, String text) {
    IBaseResource resource;
    try {
      IParser parser = context().newJsonParser();
      resource = parser.parseResource(text);
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
    return ParserText.plain(message);
  }
}
