package org.pcdguide.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.CaseFormatException;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Engine;
import org.pcdguide.core.engine.Screening;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.JsonResourceCaseSource;
import org.pcdguide.fhir.Terminology;

/**
 * The per-patient function of a screening run, the same for every engine: one patient's resource
 * lines in (any order), the FHIR door, the engine and the pack's screening rules, one {@link
 * PatientResult} out. Built once per runner thread or Spark partition; not thread-safe only in that
 * it is cheap enough to build per thread.
 */
public final class PatientScreen {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<Located> ORDER =
      Comparator.comparingInt(Located::file).thenComparingLong(Located::line);
  private final KnowledgePack pack;
  private final JsonResourceCaseSource door;
  private final LocalDate asOf;
  private final List<String> files;
  private final boolean all;
  private final ScreenLimits limits;

  /**
   * A screen for one run; with {@code all} false, a patient without a finding or an error gets no
   * output line or table row (it is only counted), which spares rendering them.
   */
  public PatientScreen(
      KnowledgePack pack,
      Terminology terminology,
      LocalDate asOf,
      List<String> files,
      boolean all) {
    this(pack, terminology, asOf, files, all, ScreenLimits.DEFAULT);
  }

  /** A screen that reports a patient over {@code limits} unreadable instead of screening it. */
  public PatientScreen(
      KnowledgePack pack,
      Terminology terminology,
      LocalDate asOf,
      List<String> files,
      boolean all,
      ScreenLimits limits) {
    this.limits = limits;
    this.pack = pack;
    this.door = new JsonResourceCaseSource(pack.vocabulary(), terminology);
    this.asOf = asOf;
    this.files = List.copyOf(files);
    this.all = all;
  }

  public PatientResult screen(String patient, List<Located> lines) {
    long bytes = 0;
    for (Located l : lines) {
      bytes += l.json().length;
    }
    if (limits.overPatient(lines.size(), bytes)) {
      return tooLarge(patient, lines.size(), bytes);
    }
    List<Located> sorted = new ArrayList<>(lines);
    sorted.sort(ORDER);
    List<JsonNode> resources = new ArrayList<>(sorted.size());
    List<BulkError> errors = new ArrayList<>();
    for (Located l : sorted) {
      try {
        resources.add(JSON.readTree(l.json()));
      } catch (java.io.IOException e) {
        errors.add(
            new BulkError(
                files.get(l.file()),
                l.line(),
                patient,
                BulkError.MALFORMED,
                ResourceLine.firstLine(e.getMessage())));
      }
    }
    PatientCase c;
    try {
      c = door.read(patient, resources, Optional.of(asOf));
    } catch (CaseFormatException e) {
      for (Problem p : e.problems()) {
        errors.add(
            new BulkError(
                "", 0, patient, BulkError.UNREADABLE_PATIENT, p.path() + ": " + p.message()));
      }
      return unreadable(patient, errors);
    }
    return result(patient, c, Engine.screen(c, pack, asOf), errors);
  }

  private PatientResult result(String patient, PatientCase c, Screening s, List<BulkError> errors) {
    ObjectNode line = JSON.createObjectNode().put("patient", patient);
    ArrayNode findings = line.putArray("findings");
    List<String> codes = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    String diagnosis = c.diagnosis().orElse("");
    for (Screening.Hit h : s.hits()) {
      codes.add(h.finding());
      ObjectNode f = findings.addObject();
      f.put("finding", h.finding()).put("rule", h.rule().id()).put("title", h.rule().title());
      f.put("strength", h.rule().strength().word());
      h.because().forEach(f.putArray("because")::add);
      h.about().forEach(f.putArray("about")::add);
      rows.add(
          List.of(
              patient,
              h.finding(),
              h.rule().id(),
              h.rule().strength().word(),
              diagnosis,
              String.join("; ", h.about())));
    }
    if (rows.isEmpty()) {
      rows.add(List.of(patient, "", "", "", diagnosis, ""));
    }
    Assessment a = s.assessment();
    if (!diagnosis.isEmpty()) {
      line.put("diagnosis", diagnosis);
    }
    a.modules().forEach(line.putArray("modules")::add);
    List<String> avoid = new ArrayList<>();
    for (Assessment.AvoidItem i : a.avoid()) {
      if (!i.proposed().isEmpty()) {
        avoid.add(i.entry().id());
      }
    }
    boolean shown = all || !codes.isEmpty() || !errors.isEmpty();
    return new PatientResult(
        patient,
        shown ? line.toString() : "",
        codes,
        a.modules(),
        avoid,
        shown ? rows : List.of(),
        errors);
  }

  /** A patient over the per-patient cap: reported unreadable, not screened. */
  PatientResult tooLarge(String patient, long resources, long bytes) {
    List<BulkError> errors = new ArrayList<>();
    errors.add(
        new BulkError(
            "", 0, patient, BulkError.UNREADABLE_PATIENT, limits.patientProblem(resources, bytes)));
    return unreadable(patient, errors);
  }

  private static PatientResult unreadable(String patient, List<BulkError> errors) {
    ObjectNode line = JSON.createObjectNode().put("patient", patient).put("status", "unreadable");
    ArrayNode problems = line.putArray("problems");
    errors.forEach(e -> problems.add(e.problem()));
    return new PatientResult(
        patient,
        line.toString(),
        List.of(),
        List.of(),
        List.of(),
        List.of(List.of(patient, "unreadable", "", "", "", "")),
        errors);
  }
}
