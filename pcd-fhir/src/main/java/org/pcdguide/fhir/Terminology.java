package org.pcdguide.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FHIR door's code maps (terminology.yaml): external codes (ICD-10-CM, SNOMED CT, LOINC,
 * RxNorm, Orphanet, Mondo) for the vocabulary's ids, each with its verification status, plus the
 * documented local code system in which every vocabulary id is its own code.
 */
public final class Terminology {
  /** A code of the map: the concept it stands for ("lab:hemoglobin") and whether it is verified. */
  public record Code(
      String concept,
      String system,
      String code,
      String display,
      boolean verified,
      String source) {}

  /**
   * A brand name of a vocabulary agent ("Thalomid" for thalidomide), with the source that names it;
   * a product ordered by brand name is matched by name, never silently.
   */
  public record Brand(String name, String agent, String source) implements java.io.Serializable {}

  private final Map<String, String> systems;
  private final List<Brand> brands;
  private final Map<String, List<Code>> bySystemAndCode;
  private final Map<String, List<Code>> byConcept;

  private Terminology(Map<String, String> systems, List<Code> codes, List<Brand> brands) {
    this.systems = Map.copyOf(systems);
    this.brands = List.copyOf(brands);
    Map<String, List<Code>> index = new HashMap<>();
    Map<String, List<Code>> concepts = new LinkedHashMap<>();
    for (Code c : codes) {
      index.computeIfAbsent(key(c.system(), c.code()), k -> new ArrayList<>()).add(c);
      concepts.computeIfAbsent(c.concept(), k -> new ArrayList<>()).add(c);
    }
    this.bySystemAndCode = Map.copyOf(index);
    this.byConcept = Map.copyOf(concepts);
  }

  /** The map bundled with the FHIR module. */
  public static Terminology bundled() {
    try (InputStream in = Terminology.class.getResourceAsStream("terminology.yaml")) {
      JsonNode root = new YAMLMapper().readTree(in);
      Map<String, String> systems = new LinkedHashMap<>();
      root.get("systems")
          .fields()
          .forEachRemaining(e -> systems.put(e.getKey(), e.getValue().asText()));
      List<Code> codes = new ArrayList<>();
      for (JsonNode c : root.get("codes")) {
        String system = systems.get(c.get("system").asText());
        if (system == null) {
          throw new IllegalStateException(
              "terminology.yaml: unknown system " + c.get("system").asText());
        }
        codes.add(
            new Code(
                c.get("concept").asText(),
                system,
                c.get("code").asText(),
                c.get("display").asText(),
                c.get("status").asText().equals("verified"),
                c.get("source").asText()));
      }
      List<Brand> brands = new ArrayList<>();
      for (JsonNode b : root.path("brands")) {
        brands.add(
            new Brand(
                b.get("brand").asText(),
                b.get("agent").asText().replaceFirst("^agent:", ""),
                b.get("source").asText()));
      }
      return new Terminology(systems, codes, brands);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot load the FHIR terminology map", e);
    }
  }

  /** The brand table: brand names of vocabulary agents, each with its source. */
  public List<Brand> brands() {
    return brands;
  }

  public String local() {
    return systems.get("pcd");
  }

  public String system(String key) {
    return systems.get(key);
  }

  /**
   * The concept a coding stands for: a local code of kind {@code kind} ("finding", "lab"...) whose
   * id the caller checks against the vocabulary, or a mapped external code.
   */
  public List<Code> lookup(String system, String code) {
    if (system == null || code == null) {
      return List.of();
    }
    if (system.equals(local())) {
      // local codes are "<kind>:<id>" (finding:papilledema); anything else is not a concept
      int colon = code.indexOf(':');
      return colon > 0 && colon < code.length() - 1
          ? List.of(new Code(code, system, code, code, true, "local code system"))
          : List.of();
    }
    return bySystemAndCode.getOrDefault(key(system, code), List.of());
  }

  private static final String ORPHANET = "http://www.orpha.net";
  private static final java.util.regex.Pattern ORPHA_CODE =
      java.util.regex.Pattern.compile("(?i)(?:ORPHA:?|Orphanet_)?\\s*(\\d+)");

  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final java.util.regex.Pattern ICD10CM_UNDOTTED =
      java.util.regex.Pattern.compile("([A-Z][0-9][0-9A-Z])([0-9A-Z]{1,4})");

  /**
   * The map's key of a coding as EHRs send it: Orphanet's system with https or a trailing slash is
   * Orphanet's canonical system, and a bare ORPHAcode ({@code 2905}, as HL7 terminology and HAPI's
   * examples send it) or {@code Orphanet_2905} is {@code ORPHA:2905}; an ICD-10-CM code without its
   * dot ({@code C9000}, as claims and many EHR exports send it) or in lower case is the dotted code
   * ({@code C90.00}); other codings are compared as given (trimmed).
   */
  public static String key(String system, String code) {
    String s = system.trim();
    String c = code.trim();
    // https and trailing slashes do not make another system (no regular expression per code)
    String bare = s.startsWith("https://") ? "http://" + s.substring("https://".length()) : s;
    int end = bare.length();
    while (end > 0 && bare.charAt(end - 1) == '/') {
      end--;
    }
    bare = bare.substring(0, end);
    if (bare.equals(ORPHANET)) {
      java.util.regex.Matcher m = ORPHA_CODE.matcher(c);
      return ORPHANET + "|" + (m.matches() ? "ORPHA:" + m.group(1) : c);
    }
    if (s.equals(ICD10CM)) {
      String upper = c.toUpperCase(java.util.Locale.ROOT);
      java.util.regex.Matcher m = ICD10CM_UNDOTTED.matcher(upper);
      return ICD10CM + "|" + (m.matches() ? m.group(1) + "." + m.group(2) : upper);
    }
    return s + "|" + c;
  }

  /** External codes known for a concept, verified ones first. */
  public List<Code> codesFor(String concept) {
    List<Code> codes = new ArrayList<>(byConcept.getOrDefault(concept, List.of()));
    codes.sort((a, b) -> Boolean.compare(b.verified(), a.verified()));
    return codes;
  }

  public List<Code> all() {
    List<Code> all = new ArrayList<>();
    byConcept.values().forEach(all::addAll);
    return all;
  }
}
