package org.pcdguide.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Reads a CodeableConcept through the terminology map, preferring verified codes. */
record FhirCodes(Terminology terminology) {

  /** Every mapped concept of a CodeableConcept, in coding order. */
  List<Terminology.Code> concepts(CodeableConcept cc) {
    List<Terminology.Code> out = new ArrayList<>();
    if (cc == null) {
      return out;
    }
    for (Coding c : cc.getCoding()) {
      out.addAll(terminology.lookup(c.getSystem(), c.getCode()));
    }
    return out;
  }

  /** The first mapped concept of the given kind ("lab", "agent", ...). */
  Optional<Terminology.Code> concept(CodeableConcept cc, String... kinds) {
    for (Terminology.Code c : concepts(cc)) {
      for (String kind : kinds) {
        if (c.concept().startsWith(kind + ":")) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  static String id(Terminology.Code c) {
    return c.concept().substring(c.concept().indexOf(':') + 1);
  }

  static String kind(Terminology.Code c) {
    return c.concept().substring(0, c.concept().indexOf(':'));
  }

  static String show(CodeableConcept cc) {
    if (cc == null) {
      return "no code";
    }
    List<String> parts = new ArrayList<>();
    for (Coding c : cc.getCoding()) {
      parts.add(c.getSystem() + "|" + c.getCode());
    }
    return parts.isEmpty()
        ? (cc.hasText() ? "'" + cc.getText() + "'" : "no code")
        : String.join(", ", parts);
  }

  /** The note that says a concept was read through a code the digest could not verify. */
  static org.pcdguide.core.cases.Problem unverified(String path, Terminology.Code c) {
    return new org.pcdguide.core.cases.Problem(
        path,
        "mapped with an unverified code " + c.system() + "|" + c.code() + " (" + c.source() + ")");
  }
}
