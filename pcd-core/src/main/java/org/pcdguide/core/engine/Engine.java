package org.pcdguide.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.knowledge.DiagnosticEntry;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
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
    Scope scope = new Scope(pack, label);
    for (DisorderModule m : pack.modules()) {
      boolean labelled = label.isPresent() && m.scopeDiagnoses().contains(label.get());
      boolean candidate =
          label.isEmpty() ? m.whenUnlabelled() : m.differentialOf().contains(label.get());
      if (!labelled && !candidate) {
        continue;
      }
      Assessment.DiagnosisCheck check = Diagnosis.check(m, facts);
      if (labelled) {
        check = Diagnosis.stated(check);
        labelWarnings(m, check, label, out);
        scope.labelled(m, check, facts);
      } else {
        // a disorder the label does not name: listed when the findings support it, assessed
        // only when they confirm it (never treatment for an unconfirmed disorder)
        if (!Diagnosis.supported(check)) {
          continue;
        }
        differential.add(Diagnosis.differential(m, check, label));
        if (check.status() != DiagnosisStatus.CRITERIA_MET) {
          out.criteriaGaps(m);
          continue;
        }
        out.warn(new Warning.CriteriaMetUnlabelled(m.disorder(), m.label(), label));
      }
      if (primary.isEmpty()) {
        primary = Optional.of(check);
        extent = m.extentFact().map(f -> facts.fact(f).display()).orElse("not-assessed");
      }
      assessed.add(m.file());
      for (Entry e : m.entries()) {
        if (!(e instanceof DiagnosticEntry)) {
          out.consider(m, e);
        }
      }
    }
    scope.warning(differential).ifPresent(out::warn);
    List<Assessment.Recommendation> ranked =
        ModuleConflicts.resolve(out.ranked(), differential, facts, out);
    PatientChecks.apply(facts, assessed, ranked, out);
    List<Assessment.AvoidItem> avoid = out.avoid();
    // screening rules that change management run here too (one rule set, issue 13 rule 10)
    List<Assessment.ScreeningFinding> screening = Screening.inAssessment(facts);
    List<Assessment.ProposedOrder> orders = out.orders(patientCase, ranked, avoid, screening);
    RenalDosing.of(facts, ranked).ifPresent(out::warn);
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
        ranked,
        avoid,
        out.pitfalls(),
        out.monitoring(),
        out.timeline(),
        out.context(),
        out.trials(),
        out.sourceGaps(),
        out.missingData(ranked),
        out.warnings(),
        out.notOffered(),
        orders,
        screening,
        PlanAhead.of(facts, assessed, ranked));
  }

  private static void labelWarnings(
      DisorderModule m, Assessment.DiagnosisCheck check, Optional<String> label, Sections out) {
    if (label.isPresent() && check.status() == DiagnosisStatus.CRITERIA_NOT_MET) {
      Optional<Entry> pitfall = m.misdiagnosisPitfall().flatMap(out::showPitfall);
      out.warn(
          new Warning.LabelNotSupported(
              m.disorder(), label.get(), m.label(), check.because(), pitfall));
    } else if (label.isPresent() && check.status() == DiagnosisStatus.STATED) {
      // the stated diagnosis is the working one: treatment is given, the undocumented criteria
      // lead the missing data (issue 14, rule 1)
      out.stated(m);
      out.warn(
          new Warning.DiagnosisStated(
              m.disorder(), m.label(), label.get(), Diagnosis.undocumented(check)));
    }
  }
}
