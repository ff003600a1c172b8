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

  /** Classifies one line; {@code types} are the resource type names a line may carry. */
  public static ResourceLine classify(byte[] line, int length, Set<String> types) {
    try (JsonParser p = JSON.createParser(line, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return error("not a JSON object");
      }
      String type = null;
      String id = null;
      String reference = null;
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
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return error("more than one JSON value on the line");
      }
      return resource(type, id, reference, types);
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
