package org.pcdguide.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;

/**
 * {@code assess(PatientCase, KnowledgePack, asOf) -> Assessment}: pure, deterministic, no I/O and
 * no clock. Safe to call from many threads at once: all state lives in the call.
 */
public final class Engine {
  private Engine() {}

  public static Assessment assess(PatientCase patientCase, KnowledgePack pack, LocalDate asOf) {
    return assess(new FactContext(patientCase, pack, asOf));
  }

  /**
   * Assesses the patient, then runs the pack's screening rules over the same facts and the
   * assessment's own ({@code assessment.*}); a rule flags the patient only when its condition is
   * true, never when it is unknown.
   */
  public static Screening screen(PatientCase patientCase, KnowledgePack pack, LocalDate asOf) {
    FactContext facts = new FactContext(patientCase, pack, asOf);
    Assessment a = assess(facts);
    return Screening.of(a, facts);
  }

  private static Assessment assess(FactContext facts) {
    PatientCase patientCase = facts.patientCase();
    KnowledgePack pack = facts.pack();
    LocalDate asOf = facts.asOf();
    Sections out = new Sections(pack, facts);
    Optional<Assessment.DiagnosisCheck> primary = Optional.empty();
    String extent = "not-assessed";
    List<Assessment.Differential> differential = new ArrayList<>();
    Optional<String> label = patientCase.diagnosis();
    List<String> assessed = new ArrayList<>();
    for (DisorderModule m : pack.modules()) {
      boolean labelled = label.isPresent() && m.scopeDiagnoses().contains(label.get());
      boolean candidate =
          label.isEmpty() ? m.whenUnlabelled() : m.differentialOf().contains(label.get());
      if (!labelled && !candidate) {
        continue;
      }
      Assessment.DiagnosisCheck check = Diagnosis.check(m, facts);
      if (labelled) {
        labelWarnings(m, check, label, out);
      } else {
        // a disorder the label does not name: listed when the findings support it, assessed
        // only when they confirm it (never treatment for an unconfirmed disorder)
        if (!Diagnosis.supported(check)) {
          continue;
        }
        differential.add(Diagnosis.differential(m, check, label));
        if (!check.status().equals("criteria-met")) {
          out.criteriaGaps(m);
          continue;
        }
        out.warn(
            m.disorder() + "-criteria-met" + (label.isPresent() ? "-despite-label" : "-unlabelled"),
            label
                    .map(l -> "The case is labelled " + l + " but the findings meet the ")
                    .orElse("The case has no diagnosis label; the findings meet the ")
                + m.label()
                + " criteria; it is assessed as "
                + m.label()
                + " below.");
      }
      if (primary.isEmpty()) {
        primary = Optional.of(check);
        extent = m.extentFact().map(f -> facts.fact(f).display()).orElse("not-assessed");
      }
      assessed.add(m.file());
      for (Entry e : m.entries()) {
        if (e.kind() != EntryKind.DIAGNOSTIC) {
          out.consider(m, e);
        }
      }
    }
    out.proposedWithoutEntry(patientCase);
    out.inputNotes(patientCase);
    return new Assessment(
        pack.version(),
        pack.hash(),
        patientCase.id(),
        asOf,
        primary,
        differential,
        extent,
        facts.derived(),
        assessed,
        out.ranked(),
        out.avoid(),
        out.pitfalls(),
        out.monitoring(),
        out.timeline(),
        out.context(),
        out.trials(),
        out.sourceGaps(),
        out.missingData(),
        out.warnings());
  }

  private static void labelWarnings(
      DisorderModule m, Assessment.DiagnosisCheck check, Optional<String> label, Sections out) {
    if (label.isPresent() && check.status().equals("criteria-not-met")) {
      String pitfall =
          m.misdiagnosisPitfall()
              .flatMap(out::showPitfall)
              .map(e -> " Pitfall " + e.id() + ": " + e.statement())
              .orElse("");
      out.warn(
          m.disorder() + "-label-not-supported",
          "The case is labelled "
              + label.get()
              + " but the "
              + m.label()
              + " criteria are not met ("
              + String.join("; ", check.because())
              + "); no treatment is recommended for an unconfirmed disorder."
              + pitfall);
    } else if (label.isPresent() && check.status().equals("insufficient-data")) {
      out.warn(
          m.disorder() + "-criteria-unconfirmed",
          "The "
              + m.label()
              + " criteria cannot yet be confirmed; treatment entries are held back"
              + " until the missing data below are known.");
    }
  }
}
