package org.pcdguide.core.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.knowledge.Vocabulary;

/** Walks the parsed tree of one case file, collecting problems instead of stopping at the first. */
record CaseFields(Vocabulary vocabulary, List<Problem> problems) {
  private static final Set<String> TOP =
      Set.of(
          "pcd-case",
          "id",
          "as-of",
          "patient",
          "diagnosis",
          "findings",
          "clonality",
          "labs",
          "history",
          "proposed");
  static final List<String> SEXES = List.of("female", "male", "other", "unknown");

  /** The case, or empty when the file is not even a map; {@link #problems} says why. */
  Optional<PatientCase> patientCase(JsonNode root, Optional<LocalDate> asOfOverride) {
    if (!root.isObject()) {
      problem(
          "",
          "a case file is a map of fields (pcd-case, patient, findings, ...), was " + kind(root));
      return Optional.empty();
    }
    keys(root, "", TOP);
    JsonNode version = root.get("pcd-case");
    if (version == null) {
      problem("pcd-case", "is required; use 'pcd-case: 1'");
    } else if (!version.isIntegralNumber() || version.asInt() != 1) {
      problem("pcd-case", "'" + version.asText() + "' is not a supported version; use 1");
    }
    String id = text(root, "id", "id").orElse("");
    Optional<LocalDate> fileAsOf = date(root, "as-of", "as-of");
    Optional<LocalDate> asOf = asOfOverride.isPresent() ? asOfOverride : fileAsOf;
    Patient patient = patient(root.get("patient"));
    Optional<String> diagnosis = text(root, "diagnosis", "diagnosis");
    diagnosis.ifPresent(
        d -> {
          if (!vocabulary.diagnoses().containsKey(d)) {
            problem("diagnosis", "'" + d + "' is not a known diagnosis; see 'pcd vocabulary'");
          }
        });
    Map<String, Finding> findings = new FindingFields(this).findings(root.get("findings"));
    Clonality clonality = clonality(root.get("clonality"));
    List<Lab> labs = new LabFields(this).labs(root.get("labs"), asOf);
    TherapyFields therapy = new TherapyFields(this);
    Optional<List<Therapy>> history = therapy.history(root.get("history"), asOf);
    List<String> proposed = therapy.proposed(root.get("proposed"));
    return Optional.of(
        new PatientCase(
            id, asOf, patient, diagnosis, findings, clonality, labs, history, proposed));
  }

  private Patient patient(JsonNode node) {
    if (node == null || node.isNull()) {
      return Patient.unknown();
    }
    if (!map(node, "patient")) {
      return Patient.unknown();
    }
    keys(node, "patient", Set.of("age", "sex", "transplant-eligible"));
    Optional<Integer> age = Optional.empty();
    JsonNode a = node.get("age");
    if (a != null && !a.isNull()) {
      if (!a.isIntegralNumber() || a.asLong() < 0 || a.asLong() > 130) {
        problem("patient.age", "'" + a.asText() + "' is not an age in whole years 0..130");
      } else {
        age = Optional.of(a.asInt());
      }
    }
    String sex = text(node, "sex", "patient.sex").orElse("unknown");
    if (!SEXES.contains(sex)) {
      problem("patient.sex", "'" + sex + "' is not one of " + SEXES);
      sex = "unknown";
    }
    Optional<Boolean> eligible = bool(node, "transplant-eligible", "patient.transplant-eligible");
    return new Patient(age, sex, eligible);
  }

  private Clonality clonality(JsonNode node) {
    if (node == null || node.isNull() || !map(node, "clonality")) {
      return Clonality.unknown();
    }
    keys(
        node,
        "clonality",
        Set.of("m-protein", "plasma-cell-ihc", "polyclonal-hypergammaglobulinemia"));
    Optional<Boolean> mPresent = Optional.empty();
    Optional<String> heavy = Optional.empty();
    Optional<String> light = Optional.empty();
    JsonNode m = node.get("m-protein");
    if (m != null && !m.isNull()) {
      if (m.isBoolean()) {
        mPresent = Optional.of(m.booleanValue());
      } else if (map(m, "clonality.m-protein")) {
        keys(m, "clonality.m-protein", Set.of("present", "heavy-chain", "light-chain"));
        mPresent = bool(m, "present", "clonality.m-protein.present");
        if (mPresent.isEmpty()) {
          problem(
              "clonality.m-protein.present", "is required when m-protein is a map (true or false)");
        }
        heavy =
            oneOf(
                m,
                "heavy-chain",
                "clonality.m-protein.heavy-chain",
                List.of("IgG", "IgA", "IgM", "IgD", "IgE"));
        light =
            oneOf(m, "light-chain", "clonality.m-protein.light-chain", List.of("kappa", "lambda"));
        if (mPresent.equals(Optional.of(false)) && (heavy.isPresent() || light.isPresent())) {
          problem("clonality.m-protein", "heavy or light chain given for an absent M-protein");
        }
      }
    }
    Optional<Boolean> kappa = Optional.empty();
    Optional<Boolean> lambda = Optional.empty();
    JsonNode ihc = node.get("plasma-cell-ihc");
    if (ihc != null && !ihc.isNull() && map(ihc, "clonality.plasma-cell-ihc")) {
      keys(ihc, "clonality.plasma-cell-ihc", Set.of("kappa", "lambda"));
      kappa = bool(ihc, "kappa", "clonality.plasma-cell-ihc.kappa");
      lambda = bool(ihc, "lambda", "clonality.plasma-cell-ihc.lambda");
    }
    Optional<Boolean> phg =
        bool(
            node,
            "polyclonal-hypergammaglobulinemia",
            "clonality.polyclonal-hypergammaglobulinemia");
    return new Clonality(mPresent, heavy, light, kappa, lambda, phg);
  }

  // ---- shared helpers (package-private for FindingFields and LabFields) ----

  void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  boolean map(JsonNode node, String path) {
    if (node.isObject()) {
      return true;
    }
    problem(path, "must be a map, was " + kind(node));
    return false;
  }

  void keys(JsonNode node, String path, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problem(
            path.isEmpty() ? key : path + "." + key,
            "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  Optional<String> text(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problem(path, "must be text, was " + kind(v));
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  Optional<Boolean> bool(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      problem(path, "'" + v.asText() + "' must be true or false");
      return Optional.empty();
    }
    return Optional.of(v.booleanValue());
  }

  Optional<String> oneOf(JsonNode node, String key, String path, List<String> values) {
    Optional<String> v = text(node, key, path);
    if (v.isPresent() && !values.contains(v.get())) {
      problem(path, "'" + v.get() + "' is not one of " + values);
      return Optional.empty();
    }
    return v;
  }

  Optional<LocalDate> date(JsonNode node, String key, String path) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    try {
      if (!v.isTextual()) {
        throw new DateTimeParseException("not text", v.asText(), 0);
      }
      return Optional.of(LocalDate.parse(v.asText()));
    } catch (DateTimeParseException e) {
      problem(path, "'" + v.asText() + "' is not a date (YYYY-MM-DD)");
      return Optional.empty();
    }
  }

  void notAfter(Optional<LocalDate> date, Optional<LocalDate> asOf, String path) {
    if (date.isPresent() && asOf.isPresent() && date.get().isAfter(asOf.get())) {
      problem(path, "'" + date.get() + "' is after the assessment date (as-of " + asOf.get() + ")");
    }
  }

  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "empty";
    }
    return "'" + node.asText() + "'";
  }

  static Map<String, Object> newDetails() {
    return new LinkedHashMap<>();
  }
}
