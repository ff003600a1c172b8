package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Problem;

/** Reads a CodeableConcept (JSON) through the terminology map, preferring verified codes. */
record FhirCodes(Terminology terminology) {

  /** Every mapped concept of a CodeableConcept, in coding order. */
  List<Terminology.Code> concepts(JsonNode cc) {
    List<Terminology.Code> out = new ArrayList<>();
    for (JsonNode c : FhirJson.list(cc, "coding")) {
      out.addAll(lookup(c));
    }
    return out;
  }

  /** The concepts of one Coding. */
  List<Terminology.Code> lookup(JsonNode coding) {
    Optional<String> system = FhirJson.text(coding, "system");
    Optional<String> code = FhirJson.code(coding, "code");
    return system.isPresent() && code.isPresent()
        ? terminology.lookup(system.get(), code.get())
        : List.of();
  }

  /** The first mapped concept of the given kind ("lab", "agent", ...). */
  Optional<Terminology.Code> concept(JsonNode cc, String... kinds) {
    for (JsonNode coding : FhirJson.list(cc, "coding")) {
      for (Terminology.Code c : lookup(coding)) {
        for (String kind : kinds) {
          if (isKind(c, kind)) {
            return Optional.of(c);
          }
        }
      }
    }
    return Optional.empty();
  }

  static boolean isKind(Terminology.Code c, String kind) {
    String concept = c.concept();
    return concept.length() > kind.length()
        && concept.charAt(kind.length()) == ':'
        && concept.startsWith(kind);
  }

  static String id(Terminology.Code c) {
    return c.concept().substring(c.concept().indexOf(':') + 1);
  }

  /** The first code of a CodeableConcept ("" when none), as for a status. */
  static String firstCode(JsonNode cc) {
    for (JsonNode c : FhirJson.list(cc, "coding")) {
      Optional<String> code = FhirJson.code(c, "code");
      if (code.isPresent()) {
        return code.get();
      }
    }
    return "";
  }

  /** A CodeableConcept for a note: its codings as system|code, else its text. */
  static String show(JsonNode cc) {
    List<String> parts = new ArrayList<>();
    for (JsonNode c : FhirJson.list(cc, "coding")) {
      parts.add(
          FhirJson.text(c, "system").orElse("null")
              + "|"
              + FhirJson.code(c, "code").orElse("null"));
    }
    if (!parts.isEmpty()) {
      return String.join(", ", parts);
    }
    return FhirJson.text(cc, "text").map(t -> "'" + t + "'").orElse("no code");
  }

  /** The note that says a concept was read through a code the digest could not verify. */
  static Problem unverified(String path, Terminology.Code c) {
    return new Problem(
        path,
        "mapped with an unverified code " + c.system() + "|" + c.code() + " (" + c.source() + ")");
  }
}
