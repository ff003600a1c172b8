package org.pcdguide.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * What one NDJSON line is: a resource of a type the door reads, with the patient it belongs to; a
 * resource of a type screening skips; or an error (malformed JSON, no resourceType, an unknown
 * type, no patient reference). The line is tokenized once with a streaming parser and never built
 * into a tree here, so the first pass of a run costs less than parsing.
 */
public record ResourceLine(Kind kind, String type, String patient, String errorKind, String problem)
    implements java.io.Serializable {
  /** Resource types the FHIR door maps; everything else is skipped (and counted). */
  public static final Set<String> READ =
      Set.of(
          "Patient",
          "Condition",
          "Observation",
          "MedicationRequest",
          "MedicationStatement",
          "Procedure",
          "ServiceRequest");

  /** The outcome of classifying a line. */
  public enum Kind {
    READ,
    SKIPPED,
    ERROR
  }

  private static final JsonFactory JSON = new JsonFactory();

  static ResourceLine error(String problem) {
    return new ResourceLine(Kind.ERROR, "", "", BulkError.MALFORMED, problem);
  }

  private static ResourceLine read(String type, String patient) {
    return new ResourceLine(Kind.READ, type, patient, "", "");
  }

  /** Resource types whose concept is one CodeableConcept field, and that field. */
  private static final java.util.Map<String, String> CODED =
      java.util.Map.of(
          "Condition", "code",
          "Observation", "code",
          "Procedure", "code",
          "ServiceRequest", "code",
          "MedicationRequest", "medicationCodeableConcept",
          "MedicationStatement", "medicationCodeableConcept");

  /** Classifies one line, keeping every resource of a type the door reads. */
  public static ResourceLine classify(byte[] line, int length, Set<String> types) {
    return classify(line, length, types, CodeFilter.NONE);
  }

  /**
   * Classifies one line; {@code types} are the resource type names a line may carry. A coded
   * resource whose codings all miss {@code codes} is skipped (counted as "Type (unmapped code)").
   */
  public static ResourceLine classify(
      byte[] line, int length, Set<String> types, CodeFilter codes) {
    return classify(line, 0, length, types, codes);
  }

  /** Classifies the line at {@code offset} of {@code data}. */
  static ResourceLine classify(
      byte[] data, int offset, int length, Set<String> types, CodeFilter codes) {
    try (JsonParser p = JSON.createParser(data, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return error("not a JSON object");
      }
      String type = null;
      String id = null;
      String reference = null;
      Coding coding = new Coding();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "resourceType" -> type = value == JsonToken.VALUE_STRING ? p.getText() : "";
          case "id" -> id = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "subject", "patient" -> {
            Optional<String> ref = reference(p, value);
            if (reference == null || field.equals("subject")) {
              reference = ref.orElse(reference);
            }
          }
          case "code", "medicationCodeableConcept" -> {
            if (codes.active()) {
              coding.read(p, value, field, codes);
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return error("more than one JSON value on the line");
      }
      ResourceLine r = resource(type, id, reference, types);
      if (r.kind() == Kind.READ && coding.unmapped(CODED.get(type))) {
        return new ResourceLine(Kind.SKIPPED, type + " (unmapped code)", r.patient(), "", "");
      }
      return r;
    } catch (IOException e) {
      return error("malformed JSON: " + firstLine(e.getMessage()));
    }
  }

  private static ResourceLine resource(
      String type, String id, String reference, Set<String> types) {
    if (type == null || type.isEmpty()) {
      return error("no resourceType");
    }
    if (!types.contains(type)) {
      return new ResourceLine(
          Kind.ERROR,
          type,
          "",
          BulkError.UNKNOWN_TYPE,
          "'" + type + "' is not a FHIR R4 resource type");
    }
    if (!READ.contains(type)) {
      return new ResourceLine(Kind.SKIPPED, type, "", "", "");
    }
    if (type.equals("Patient")) {
      return id == null || id.isEmpty() || !usable(id)
          ? new ResourceLine(
              Kind.ERROR, type, "", BulkError.NO_PATIENT, "Patient without a usable id")
          : read(type, id);
    }
    Optional<String> patient =
        Optional.ofNullable(reference)
            .flatMap(ResourceLine::patientId)
            .filter(ResourceLine::usable);
    return patient
        .map(pid -> read(type, pid))
        .orElseGet(
            () ->
                new ResourceLine(
                    Kind.ERROR,
                    type,
                    "",
                    BulkError.NO_PATIENT,
                    reference == null
                        ? type + " without a subject or patient reference"
                        : type + " reference '" + reference + "' is not a Patient"));
  }

  private static Optional<String> reference(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Optional.empty();
    }
    String ref = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (f.equals("reference") && v == JsonToken.VALUE_STRING) {
        ref = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return Optional.ofNullable(ref);
  }

  /** The codings of a CodeableConcept field: whether any maps, per field name. */
  private static final class Coding {
    private final java.util.Map<String, Boolean> mapped = new java.util.HashMap<>();

    void read(JsonParser p, JsonToken value, String field, CodeFilter codes) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        p.skipChildren();
        return;
      }
      boolean any = false;
      boolean seen = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("coding") && v == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            String system = null;
            String code = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String cf = p.currentName();
              JsonToken cv = p.nextToken();
              if (cf.equals("system") && cv == JsonToken.VALUE_STRING) {
                system = p.getText();
              } else if (cf.equals("code") && cv == JsonToken.VALUE_STRING) {
                code = p.getText();
              } else if (cf.equals("display") && cv == JsonToken.VALUE_STRING && drug(field)) {
                any |= codes.names(p.getText()); // a product the door reads by name
              } else {
                p.skipChildren();
              }
            }
            seen = true;
            any |= codes.maps(system, code);
          }
          if (p.currentToken() != JsonToken.END_ARRAY) {
            // something other than an object inside coding: keep the resource, the door decides
            skipRestOfArray(p);
            mapped.put(field, Boolean.TRUE);
            skipRestOfObject(p);
            return;
          }
        } else if (f.equals("text") && v == JsonToken.VALUE_STRING && drug(field)) {
          any |= codes.names(p.getText());
        } else {
          p.skipChildren();
        }
      }
      if (seen) {
        mapped.merge(field, any, Boolean::logicalOr);
      } else {
        mapped.put(field, Boolean.TRUE);
      }
    }

    private static void skipRestOfArray(JsonParser p) throws IOException {
      while (p.currentToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
        p.nextToken();
      }
    }

    private static void skipRestOfObject(JsonParser p) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        p.nextToken();
        p.skipChildren();
      }
    }

    private static boolean drug(String field) {
      return field.equals("medicationCodeableConcept");
    }

    /** True only when the type's concept field was read, had codings, and none maps. */
    boolean unmapped(String field) {
      return field != null && Boolean.FALSE.equals(mapped.get(field));
    }
  }

  /** "Patient/123", "https://ehr/fhir/Patient/123" or "Patient/123/_history/2" to "123". */
  static Optional<String> patientId(String reference) {
    int at = reference.lastIndexOf("Patient/");
    if (at < 0 || (at > 0 && reference.charAt(at - 1) != '/')) {
      return Optional.empty();
    }
    String rest = reference.substring(at + "Patient/".length());
    int slash = rest.indexOf('/');
    String id = slash < 0 ? rest : rest.substring(0, slash);
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  /** Ids are written into tab-separated spill files: no control characters. */
  private static boolean usable(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < ' ') {
        return false;
      }
    }
    return true;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
