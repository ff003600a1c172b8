package org.pcdguide.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.engine.Assessment.NotOffered.Why;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.Condition;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.GuidanceEntry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.TreatmentEntry;
import org.pcdguide.core.knowledge.TrialEntry;

/** Collects the items of one assessment into their sections, then ranks them (docs/ranking.md). */
final class Sections {
  private final KnowledgePack pack;
  private final FactContext facts;
  private final ProposedOrders proposed;
  private final TreatmentHistory history;
  private final Phases phases;
  private final Candidates candidates;
  private final List<Assessment.NotOffered> notOffered = new ArrayList<>();
  private final List<Assessment.AvoidItem> avoid = new ArrayList<>();
  private final List<Assessment.GuidanceItem> pitfalls = new ArrayList<>();
  private final List<Assessment.GuidanceItem> monitoring = new ArrayList<>();
  private final List<Assessment.GuidanceItem> timeline = new ArrayList<>();
  private final List<Assessment.GuidanceItem> context = new ArrayList<>();
  private final List<Assessment.Trial> trials = new ArrayList<>();
  private final List<DisorderModule.SourceGap> sourceGaps = new ArrayList<>();
  private final Set<String> warningIds = new HashSet<>();
  private final List<Warning> warnings = new ArrayList<>();
  private final MissingDataList missing = new MissingDataList();
  private final Gates gates;
  private final Set<String> stated = new HashSet<>();

  /** The module whose source gaps were listed last (each module's are listed once). */
  private DisorderModule gapsOf;

  Sections(KnowledgePack pack, FactContext facts) {
    this.pack = pack;
    this.facts = facts;
    this.proposed = new ProposedOrders(pack, facts.patientCase());
    this.history = new TreatmentHistory(facts.patientCase(), pack.vocabulary());
    this.phases = new Phases(facts);
    this.candidates = new Candidates(pack, facts, history, missing);
    this.gates = new Gates(facts);
  }

  void consider(DisorderModule m, Entry e) {
    if (e instanceof TrialEntry t) {
      trial(m, t);
      return;
    }
    if (m != gapsOf) {
      gapsOf = m;
      for (DisorderModule.SourceGap g : m.gaps()) {
        if (!sourceGaps.contains(g)) {
          sourceGaps.add(g);
        }
      }
    }
    Outcome gate = gates.of(m, e.kind(), stated.contains(m.file()));
    Outcome outcome = Undecided.gated(gate, e, facts);
    List<String> hits = e instanceof AvoidEntry a ? proposed.hits(a) : List.of();
    if (e instanceof AvoidEntry a && outcome.truth() != Truth.FALSE) {
      proposed.unsourced(a).ifPresent(this::warn);
    }
    if (outcome.truth() == Truth.UNKNOWN) {
      missing.add(outcome, e.id());
      if (e instanceof TreatmentEntry t) {
        Optional<String> branch = Undecided.branch(gate, e, facts);
        if (branch.isPresent()) {
          // an undecided fact splits the answer: the option is shown for its branch (issue 14)
          treatment(m, t, outcome.because(), branch);
          return;
        }
      }
      if (!hits.isEmpty()) {
        warn(new Warning.ProposedMayConflict((AvoidEntry) e, hits));
      }
      return;
    }
    if (outcome.truth() == Truth.FALSE) {
      return;
    }
    if (e instanceof TreatmentEntry t) {
      treatment(m, t, outcome.because(), Optional.empty());
    } else if (e instanceof AvoidEntry a) {
      avoid.add(avoidItem(a, m.label(), outcome.because(), hits));
    } else if (e instanceof GuidanceEntry g) {
      guidance(g).add(guidanceItem(g, m.label(), outcome.because()));
    }
  }

  private void treatment(
      DisorderModule m, TreatmentEntry t, List<String> fired, Optional<String> branch) {
    Optional<Therapy> failed = history.ruledOut(t);
    Optional<Therapy> done = history.completed(t);
    Phases.Fit fit = phases.fit(t, history);
    if (branch.isPresent() && (failed.isPresent() || done.isPresent() || fit.outOfPhase())) {
      return; // its condition does not hold yet: not an option "not offered"
    }
    if (failed.isPresent()) {
      notOffered.add(new Assessment.NotOffered(t, m.label(), Why.FAILED, failed, fit.phase()));
    } else if (done.isPresent()) {
      notOffered.add(new Assessment.NotOffered(t, m.label(), Why.COMPLETED, done, fit.phase()));
    } else if (fit.outOfPhase()) {
      notOffered.add(
          new Assessment.NotOffered(t, m.label(), Why.PHASE, Optional.empty(), fit.phase()));
    } else {
      fit.gap().ifPresent(g -> missing.add(g, t.id()));
      candidates.add(t, m.label(), m.extentFact(), fired, branch, fit.assumes());
    }
  }

  private Assessment.AvoidItem avoidItem(
      AvoidEntry e, String module, List<String> because, List<String> hits) {
    Severity severity = e.severity();
    if (!hits.isEmpty()) {
      severity = severity.whenProposed();
      warn(new Warning.ProposedHitsAvoid(e, hits, severity));
    }
    return new Assessment.AvoidItem(e, module, 0, because, severity, hits);
  }

  private List<Assessment.GuidanceItem> guidance(GuidanceEntry e) {
    return switch (e.kind()) {
      case PITFALL -> pitfalls;
      case MONITORING -> monitoring;
      case TIMELINE -> timeline;
      default -> context;
    };
  }

  private Assessment.GuidanceItem guidanceItem(
      GuidanceEntry e, String module, List<String> because) {
    Optional<LocalDate> from = Optional.empty();
    Optional<LocalDate> to = Optional.empty();
    if (e.window().isPresent()) {
      Entry.Window w = e.window().get();
      FactValue anchor = facts.fact(w.after());
      if (anchor instanceof FactValue.Known k && k.value() instanceof LocalDate d) {
        from = Optional.of(d.plusMonths(w.fromMonths()));
        to = Optional.of(d.plusMonths(w.toMonths()));
      }
    }
    return new Assessment.GuidanceItem(e, module, 0, because, from, to);
  }

  private void trial(DisorderModule m, TrialEntry e) {
    TrialCheck.of(m, e, facts, missing).ifPresent(trials::add);
  }

  /**
   * A module whose diagnosis the case states while criteria are undocumented: its treatment gate
   * reads the criteria as the working diagnosis, and what would decide them is missing data.
   */
  void stated(DisorderModule m) {
    stated.add(m.file());
    criteriaGaps(m);
  }

  /** Lists what would decide a module's criteria (for a disorder checked as a differential). */
  void criteriaGaps(DisorderModule m) {
    Condition met = new Condition.Compare(m.criteriaFact(), "equals", List.of("met"));
    missing.add(ConditionEvaluator.evaluate(met, facts), m.criteriaFact());
  }

  /** Shows a pitfall whatever the gates say (the misdiagnosis pitfall of a label not supported). */
  Optional<Entry> showPitfall(String id) {
    Optional<Entry> e = pack.entry(id);
    if (e.isPresent()
        && e.get() instanceof GuidanceEntry g
        && pitfalls.stream().noneMatch(i -> i.entry().id().equals(id))) {
      pitfalls.add(
          new Assessment.GuidanceItem(
              g,
              "label check",
              0,
              List.of("diagnosis label not supported by the findings"),
              Optional.empty(),
              Optional.empty()));
    }
    return e;
  }

  void warn(Warning w) {
    if (warningIds.add(w.id())) {
      warnings.add(w);
    }
  }

  /** What the door read but could not use, so that nothing is dropped silently. */
  void inputNotes(PatientCase patientCase) {
    for (org.pcdguide.core.cases.Problem n : patientCase.notes()) {
      warn(new Warning.InputNote(n.path(), n.message(), n.kind()));
    }
  }

  /**
   * A verdict on every proposed order; an order nothing speaks to is also a warning, so that
   * nothing proposed passes unremarked.
   */
  List<Assessment.ProposedOrder> orders(
      PatientCase patientCase,
      List<Assessment.Recommendation> ranked,
      List<Assessment.AvoidItem> avoidItems,
      List<Assessment.ScreeningFinding> screening) {
    OrderVerdicts verdicts = new OrderVerdicts(pack, history, facts);
    OrderHolds holds = new OrderHolds(screening, pitfalls, proposed);
    List<Assessment.ProposedOrder> out = new ArrayList<>();
    for (String id : patientCase.proposed()) {
      Assessment.ProposedOrder o = verdicts.of(id, ranked, avoidItems, warnings, holds);
      if (o.verdicts().stream().anyMatch(v -> v.kind() == VerdictKind.UNCHECKED)) {
        warn(new Warning.ProposedUnchecked(id));
      }
      out.add(o);
    }
    return out;
  }

  List<Assessment.NotOffered> notOffered() {
    return notOffered;
  }

  List<Assessment.Recommendation> ranked() {
    return numbered(candidates.ranked());
  }

  List<Assessment.AvoidItem> avoid() {
    List<Assessment.AvoidItem> sorted = new ArrayList<>(avoid);
    sorted.sort(Comparator.comparingInt(i -> i.proposed().isEmpty() ? 1 : 0));
    return numbered(sorted);
  }

  List<Assessment.GuidanceItem> pitfalls() {
    return numbered(pitfalls);
  }

  List<Assessment.GuidanceItem> monitoring() {
    return numbered(monitoring);
  }

  List<Assessment.GuidanceItem> timeline() {
    return numbered(timeline);
  }

  List<Assessment.GuidanceItem> context() {
    return numbered(context);
  }

  List<Assessment.Trial> trials() {
    return trials;
  }

  List<DisorderModule.SourceGap> sourceGaps() {
    return sourceGaps;
  }

  /** The missing data, ordered by what each holds back (the ranked options decide "first"). */
  List<Assessment.MissingData> missingData(List<Assessment.Recommendation> ranked) {
    Set<String> criteriaFacts = new HashSet<>();
    for (DisorderModule m : pack.modules()) {
      criteriaFacts.add(m.criteriaFact());
    }
    Optional<String> first = Optional.empty();
    for (Assessment.Recommendation r : ranked) {
      if (r.conditional().isPresent()) {
        first = Optional.of(r.entry().id());
        break;
      }
    }
    return missing.list(criteriaFacts, first);
  }

  List<Warning> warnings() {
    return warnings;
  }

  @SuppressWarnings("unchecked") // withRank returns the item's own type
  private static <T extends Assessment.Item> List<T> numbered(List<T> items) {
    List<T> out = new ArrayList<>();
    for (T i : items) {
      out.add((T) i.withRank(out.size() + 1));
    }
    return out;
  }
}
