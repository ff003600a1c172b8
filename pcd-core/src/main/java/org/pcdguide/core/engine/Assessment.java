package org.pcdguide.core.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.DiagnosticEntry;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.GuidanceEntry;
import org.pcdguide.core.knowledge.ScreeningRule;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.TreatmentEntry;
import org.pcdguide.core.knowledge.TrialEntry;

/**
 * The result of assessing one patient: the diagnosis check, extent, derived facts (in the order
 * first used; the report lists them by name), ranked recommendations, agents to avoid, pitfalls,
 * monitoring, timeline, missing data, warnings and the case's proposed orders (vocabulary ids).
 * Lists are in a stable, documented order (docs/ranking.md). It holds values and knowledge entries,
 * no prose of its own: the rendering layer words it (org.pcdguide.core.render.ReportView).
 */
public record Assessment(
    String knowledgeVersion,
    String knowledgeHash,
    String caseId,
    LocalDate asOf,
    Optional<DiagnosisCheck> diagnosis,
    List<Differential> differential,
    String extent,
    Map<String, FactValue> facts,
    List<String> modules,
    List<Recommendation> recommendations,
    List<AvoidItem> avoid,
    List<GuidanceItem> pitfalls,
    List<GuidanceItem> monitoring,
    List<GuidanceItem> timeline,
    List<GuidanceItem> context,
    List<Trial> trials,
    List<DisorderModule.SourceGap> sourceGaps,
    List<MissingData> missingData,
    List<Warning> warnings,
    List<NotOffered> notOffered,
    List<ProposedOrder> orders,
    List<ScreeningFinding> screening,
    List<PlanItem> plan) {

  public Assessment {
    differential = List.copyOf(differential);
    facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    recommendations = List.copyOf(recommendations);
    avoid = List.copyOf(avoid);
    pitfalls = List.copyOf(pitfalls);
    monitoring = List.copyOf(monitoring);
    timeline = List.copyOf(timeline);
    modules = List.copyOf(modules);
    context = List.copyOf(context);
    trials = List.copyOf(trials);
    sourceGaps = List.copyOf(sourceGaps);
    missingData = List.copyOf(missingData);
    warnings = List.copyOf(warnings);
    notOffered = List.copyOf(notOffered);
    orders = List.copyOf(orders);
    screening = List.copyOf(screening);
    plan = List.copyOf(plan);
  }

  /** The diagnostic check of one disorder module. */
  public record DiagnosisCheck(
      String disorder,
      DiagnosisStatus status,
      List<CriterionResult> criteria,
      List<String> because,
      Optional<DiagnosticEntry> rule) {
    public DiagnosisCheck {
      criteria = List.copyOf(criteria);
      because = List.copyOf(because);
    }
  }

  /** One criterion: met (true), not met (false) or unknown, and why. */
  public record CriterionResult(DiagnosticEntry entry, Truth met, List<String> because) {
    public CriterionResult {
      because = List.copyOf(because);
    }

    /** The group the criterion counts in (mandatory, major, minor). */
    public String group() {
      return entry.criterion().map(Entry.Criterion::group).orElse("");
    }
  }

  /**
   * A disorder the findings support (or may support) although the case is labelled otherwise (or
   * not at all): the module's label, the case's label, and the criteria met so far.
   */
  public record Differential(
      String disorder,
      String moduleLabel,
      DiagnosisStatus status,
      Optional<String> caseLabel,
      List<String> metCriteria,
      Optional<DiagnosticEntry> rule) {
    public Differential {
      metCriteria = List.copyOf(metCriteria);
    }
  }

  /** An emitted entry with what made it fire; {@code rank} is 1-based within its section. */
  public sealed interface Item
      permits Recommendation, AvoidItem, GuidanceItem, ScreeningFinding, PlanItem {
    Entry entry();

    String module();

    int rank();

    List<String> because();

    Item withRank(int rank);
  }

  /**
   * A treatment option. {@code then} holds follow-on agents whose condition holds and {@code
   * thenPending} those whose condition is unknown; {@code given} the therapy of the history that
   * already gave the option's agents (with a response that does not rule it out).
   */
  public record Recommendation(
      TreatmentEntry entry,
      String module,
      int rank,
      List<String> because,
      List<String> then,
      List<String> thenPending,
      Optional<Therapy> given,
      Optional<String> conditional)
      implements Item {
    public Recommendation {
      because = List.copyOf(because);
      then = List.copyOf(then);
      thenPending = List.copyOf(thenPending);
    }

    @Override
    public Recommendation withRank(int rank) {
      return new Recommendation(
          entry, module, rank, because, then, thenPending, given, conditional);
    }
  }

  /**
   * An option whose condition holds but that is not offered: the history shows a shared
   * disease-directed agent failed or a shared agent was not tolerated ({@code FAILED}), the option
   * is a procedure already completed ({@code COMPLETED}), or the patient's treatment phase is not
   * one the option applies to ({@code PHASE}, with the phase), or an avoid entry of another
   * assessed module names its agent ({@code CONFLICT}: {@code phase} then holds that entry's id;
   * issue 13 rule 5).
   */
  public record NotOffered(
      TreatmentEntry entry, String module, Why why, Optional<Therapy> therapy, String phase) {
    /** Why an option is not offered. */
    public enum Why {
      FAILED,
      COMPLETED,
      PHASE,
      /** Another assessed module says to avoid its agent (issue 13 rule 5). */
      CONFLICT
    }
  }

  /** A proposed order (vocabulary id) and the verdicts on it, most serious first. */
  public record ProposedOrder(String order, List<Verdict> verdicts) {
    public ProposedOrder {
      verdicts = List.copyOf(verdicts);
    }
  }

  /**
   * One verdict on a proposed order: its kind, the entry it concerns (with that option's rank), its
   * severity (empty: informational) and the history or evidence it rests on.
   */
  public record Verdict(
      VerdictKind kind,
      Optional<String> entry,
      int rank,
      Optional<Severity> severity,
      List<String> because) {
    public Verdict {
      because = List.copyOf(because);
    }
  }

  /**
   * An agent or approach to avoid that applies; {@code proposed} lists the proposed agents it hits,
   * which raise its {@code severity} ({@link Severity#whenProposed()}).
   */
  public record AvoidItem(
      AvoidEntry entry,
      String module,
      int rank,
      List<String> because,
      Severity severity,
      List<String> proposed)
      implements Item {
    public AvoidItem {
      because = List.copyOf(because);
      proposed = List.copyOf(proposed);
    }

    @Override
    public AvoidItem withRank(int rank) {
      return new AvoidItem(entry, module, rank, because, severity, proposed);
    }
  }

  /** A pitfall, monitoring item, timeline or context entry that applies, with its date window. */
  public record GuidanceItem(
      GuidanceEntry entry,
      String module,
      int rank,
      List<String> because,
      Optional<LocalDate> windowFrom,
      Optional<LocalDate> windowTo)
      implements Item {
    public GuidanceItem {
      because = List.copyOf(because);
    }

    @Override
    public GuidanceItem withRank(int rank) {
      return new GuidanceItem(entry, module, rank, because, windowFrom, windowTo);
    }
  }

  /**
   * A screening rule that changes management and fired for this patient (docs/spec/assessment.md):
   * {@code holds} lists the proposed agents it holds (empty when none is proposed or the hold's
   * condition is not true).
   */
  public record ScreeningFinding(
      ScreeningRule entry, String module, int rank, List<String> because, List<String> holds)
      implements Item {
    public ScreeningFinding {
      because = List.copyOf(because);
      holds = List.copyOf(holds);
    }

    @Override
    public ScreeningFinding withRank(int rank) {
      return new ScreeningFinding(entry, module, rank, because, holds);
    }
  }

  /**
   * Guidance about the time after a procedure ({@code after}) that is recommended or proposed but
   * not yet given: shown ahead, without dates; {@code because} says what recommends or proposes it.
   */
  public record PlanItem(
      GuidanceEntry entry, String module, int rank, List<String> because, String after)
      implements Item {
    public PlanItem {
      because = List.copyOf(because);
    }

    @Override
    public PlanItem withRank(int rank) {
      return new PlanItem(entry, module, rank, because, after);
    }
  }

  /** A finding whose absence keeps something undecided, and the entries it holds back. */
  public record MissingData(String finding, String decides, String statement, List<String> blocks) {
    public MissingData {
      blocks = List.copyOf(blocks);
    }
  }

  /** A trial and whether this patient looks eligible (with what is missing when unknown). */
  public record Trial(
      TrialEntry entry,
      String module,
      Eligibility eligible,
      List<String> because,
      List<String> missing) {
    public Trial {
      because = List.copyOf(because);
      missing = List.copyOf(missing);
    }
  }
}
