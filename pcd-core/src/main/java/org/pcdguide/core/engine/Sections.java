package org.pcdguide.core.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.knowledge.Condition;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Vocabulary;

/** Collects the items of one assessment into their sections, then ranks them (docs/ranking.md). */
final class Sections {
  private final KnowledgePack pack;
  private final FactContext facts;
  private final List<Candidate> recommendations = new ArrayList<>();
  private final List<Assessment.Item> avoid = new ArrayList<>();
  private final List<Assessment.Item> pitfalls = new ArrayList<>();
  private final List<Assessment.Item> monitoring = new ArrayList<>();
  private final List<Assessment.Item> timeline = new ArrayList<>();
  private final List<Assessment.Item> context = new ArrayList<>();
  private final List<Assessment.Trial> trials = new ArrayList<>();
  private final List<org.pcdguide.core.knowledge.DisorderModule.SourceGap> sourceGaps =
      new ArrayList<>();
  private final Set<String> warningIds = new java.util.HashSet<>();
  private final Map<String, MissingBuilder> missing = new TreeMap<>();
  private final List<Assessment.Warning> warnings = new ArrayList<>();
  private final Set<String> proposedAgents;
  private final Set<String> coveredProposals = new java.util.HashSet<>();
  private int order;

  Sections(KnowledgePack pack, FactContext facts) {
    this.pack = pack;
    this.facts = facts;
    this.proposedAgents = new LinkedHashSet<>();
    for (String id : facts.patientCase().proposed()) {
      proposedAgents.addAll(pack.vocabulary().agentsOf(id));
    }
  }

  private static final int SUPPORTIVE_LAST = 100;

  /** A recommendation before ranking, with its sort keys. */
  private record Candidate(Assessment.Item item, int kind, int evidence, int prefer, int order) {}

  void consider(DisorderModule m, Entry e) {
    if (e.kind() == EntryKind.TRIAL) {
      trial(m, e);
      return;
    }
    for (DisorderModule.SourceGap g : m.gaps()) {
      if (!sourceGaps.contains(g)) {
        sourceGaps.add(g);
      }
    }
    Condition when = new Condition.All(List.of(m.gate(e.kind()), e.when()));
    Outcome outcome = ConditionEvaluator.evaluate(when, facts);
    List<String> hits = e.kind() == EntryKind.AVOID ? hits(e) : List.of();
    if (outcome.truth() == Tri.UNKNOWN) {
      gaps(outcome, e.id());
      if (!hits.isEmpty()) {
        warn(
            e.id() + "-possible",
            "Proposed "
                + String.join(", ", hits)
                + " may conflict with "
                + e.id()
                + " once the missing data are known: "
                + e.statement());
        coveredProposals.addAll(hits);
      }
      return;
    }
    if (outcome.truth() == Tri.FALSE) {
      return;
    }
    List<String> then = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (Entry.ThenStep step : e.then()) {
      Outcome o = ConditionEvaluator.evaluate(step.when(), facts);
      if (o.truth() == Tri.TRUE) {
        then.addAll(step.agents());
      } else if (o.truth() == Tri.UNKNOWN) {
        pending.addAll(step.agents());
        gaps(o, e.id());
      }
    }
    Optional<LocalDate> from = Optional.empty();
    Optional<LocalDate> to = Optional.empty();
    if (e.window().isPresent()) {
      FactValue anchor = facts.fact(e.window().get().after());
      if (anchor instanceof FactValue.Known k && k.value() instanceof LocalDate d) {
        from = Optional.of(d.plusMonths(e.window().get().fromMonths()));
        to = Optional.of(d.plusMonths(e.window().get().toMonths()));
      }
    }
    String severity = e.severity().orElse("");
    if (!hits.isEmpty()) {
      // a proposed order raises an avoid entry to critical; a caution entry to a warning
      severity = severity.equals("caution") ? "warning" : "critical";
      coveredProposals.addAll(hits);
      warn(
          e.id() + "-proposed",
          (severity.equals("critical")
                  ? "CRITICAL: proposed " + String.join(", ", hits) + " is an agent to avoid"
                  : "CAUTION: proposed " + String.join(", ", hits) + " calls for caution")
              + " for this patient ("
              + e.id()
              + "): "
              + e.statement());
    }
    Assessment.Item item =
        new Assessment.Item(
            e, m.label(), 0, outcome.because(), then, pending, severity, hits, from, to);
    switch (e.kind()) {
      case AVOID -> avoid.add(item);
      case PITFALL -> pitfalls.add(item);
      case MONITORING -> monitoring.add(item);
      case TIMELINE -> timeline.add(item);
      case CONTEXT -> context.add(item);
      default -> recommendations.add(candidate(e, item));
    }
  }

  /** A trial is listed once its module applies; its condition is the eligibility. */
  private void trial(DisorderModule m, Entry e) {
    if (ConditionEvaluator.evaluate(m.gate(e.kind()), facts).truth() != Tri.TRUE) {
      return;
    }
    Outcome o = ConditionEvaluator.evaluate(e.when(), facts);
    String eligible =
        switch (o.truth()) {
          case TRUE -> "yes";
          case FALSE -> "no";
          case UNKNOWN -> "unknown";
        };
    List<String> missingFindings = new ArrayList<>();
    for (Outcome.Gap g : o.gaps()) {
      if (!missingFindings.contains(g.finding().finding())) {
        missingFindings.add(g.finding().finding());
      }
    }
    gaps(o, e.id());
    trials.add(new Assessment.Trial(e, m.label(), eligible, o.because(), missingFindings));
  }

  private Candidate candidate(Entry e, Assessment.Item item) {
    int prefer = 1;
    List<String> because = new ArrayList<>(item.because());
    if (e.preferWhen().isPresent()) {
      Outcome p = ConditionEvaluator.evaluate(e.preferWhen().get(), facts);
      prefer = p.truth() == Tri.TRUE ? 0 : p.truth() == Tri.FALSE ? 2 : 1;
      if (p.truth() == Tri.TRUE) {
        because.addAll(p.because());
      } else if (p.truth() == Tri.UNKNOWN) {
        gaps(p, e.id());
      }
    }
    // an option resting on veterinary or different-entity evidence ranks below human evidence
    boolean human = e.evidence().stream().allMatch(ev -> pack.source(ev.source()).human());
    Assessment.Item withTrace =
        new Assessment.Item(
            e,
            item.module(),
            0,
            because,
            item.then(),
            item.thenPending(),
            item.severity(),
            item.proposed(),
            item.windowFrom(),
            item.windowTo());
    int kind = e.kind() == EntryKind.SUPPORTIVE ? SUPPORTIVE_LAST : e.kind().ordinal();
    return new Candidate(withTrace, kind, human ? 0 : 1, prefer, order++);
  }

  /**
   * Proposed agents this avoid entry names (for only-when-alone: only without a systemic agent).
   */
  private List<String> hits(Entry e) {
    Set<String> agents = new LinkedHashSet<>(e.agents());
    e.regimen().ifPresent(r -> agents.addAll(pack.vocabulary().agentsOf(r)));
    List<String> hits = new ArrayList<>();
    for (String a : agents) {
      if (proposedAgents.contains(a)) {
        hits.add(a);
      }
    }
    if (e.onlyWhenAlone() && !hits.isEmpty()) {
      // "alone": no other systemic agent is proposed besides the entry's own agents
      Vocabulary v = pack.vocabulary();
      boolean otherSystemic =
          proposedAgents.stream()
              .filter(a -> !agents.contains(a))
              .anyMatch(a -> v.agents().get(a).systemic());
      if (otherSystemic) {
        return List.of();
      }
    }
    return hits;
  }

  private void gaps(Outcome outcome, String entryId) {
    for (Outcome.Gap g : outcome.gaps()) {
      MissingBuilder b =
          missing.computeIfAbsent(
              g.finding().finding(), k -> new MissingBuilder(k, g.finding().statement()));
      b.decides.add(g.fact());
      b.blocks.add(entryId);
    }
  }

  /** Lists what would decide a module's criteria (for a disorder checked as a differential). */
  void criteriaGaps(DisorderModule m) {
    Condition met = new Condition.Compare(m.criteriaFact(), "equals", List.of("met"));
    gaps(ConditionEvaluator.evaluate(met, facts), m.criteriaFact());
  }

  /** Shows a pitfall whatever the gates say (the misdiagnosis pitfall of a label not supported). */
  Optional<Entry> showPitfall(String id) {
    Optional<Entry> e = pack.entry(id);
    e.ifPresent(
        entry -> {
          if (pitfalls.stream().noneMatch(i -> i.entry().id().equals(id))) {
            pitfalls.add(
                new Assessment.Item(
                    entry,
                    "label check",
                    0,
                    List.of("diagnosis label not supported by the findings"),
                    List.of(),
                    List.of(),
                    "",
                    List.of(),
                    Optional.empty(),
                    Optional.empty()));
          }
        });
    return e;
  }

  void warn(String id, String statement) {
    if (warningIds.add(id)) {
      warnings.add(new Assessment.Warning(id, statement));
    }
  }

  /** What the door read but could not use, so that nothing is dropped silently. */
  void inputNotes(PatientCase patientCase) {
    for (org.pcdguide.core.cases.Problem n : patientCase.notes()) {
      warn("input:" + n.path(), n.message());
    }
  }

  /** Proposed orders no entry speaks to are listed, so nothing proposed passes unremarked. */
  void proposedWithoutEntry(PatientCase patientCase) {
    Set<String> recommended = new java.util.HashSet<>();
    for (Candidate c : recommendations) {
      Entry e = c.item().entry();
      recommended.addAll(e.agents());
      e.regimen().ifPresent(recommended::add);
      recommended.addAll(c.item().then());
    }
    for (String id : patientCase.proposed()) {
      boolean covered =
          recommended.contains(id)
              || pack.vocabulary().agentsOf(id).stream().anyMatch(coveredProposals::contains);
      if (!covered) {
        warn(
            "proposed-" + id + "-unchecked",
            "Proposed "
                + id
                + " matches no recommendation and no agent-to-avoid entry for this patient;"
                + " the pack has no rule against it, which is not an endorsement.");
      }
    }
  }

  List<Assessment.Item> ranked() {
    List<Candidate> sorted = new ArrayList<>(recommendations);
    sorted.sort(
        Comparator.comparingInt((Candidate c) -> c.kind() == SUPPORTIVE_LAST ? 1 : 0)
            .thenComparingInt(Candidate::evidence)
            .thenComparingInt(Candidate::kind)
            .thenComparingInt(Candidate::prefer)
            .thenComparingInt(Candidate::order));
    List<Assessment.Item> out = new ArrayList<>();
    for (Candidate c : sorted) {
      out.add(rank(c.item(), out.size() + 1));
    }
    return out;
  }

  List<Assessment.Item> avoid() {
    List<Assessment.Item> sorted = new ArrayList<>(avoid);
    sorted.sort(Comparator.comparingInt((Assessment.Item i) -> i.proposed().isEmpty() ? 1 : 0));
    return numbered(sorted);
  }

  List<Assessment.Item> pitfalls() {
    return numbered(pitfalls);
  }

  List<Assessment.Item> monitoring() {
    return numbered(monitoring);
  }

  List<Assessment.Item> timeline() {
    return numbered(timeline);
  }

  List<Assessment.Item> context() {
    return numbered(context);
  }

  List<Assessment.Trial> trials() {
    return trials;
  }

  List<DisorderModule.SourceGap> sourceGaps() {
    return sourceGaps;
  }

  private static List<Assessment.Item> numbered(List<Assessment.Item> items) {
    List<Assessment.Item> out = new ArrayList<>();
    for (Assessment.Item i : items) {
      out.add(rank(i, out.size() + 1));
    }
    return out;
  }

  private static Assessment.Item rank(Assessment.Item i, int rank) {
    return new Assessment.Item(
        i.entry(),
        i.module(),
        rank,
        i.because(),
        i.then(),
        i.thenPending(),
        i.severity(),
        i.proposed(),
        i.windowFrom(),
        i.windowTo());
  }

  List<Assessment.MissingData> missingData() {
    List<Assessment.MissingData> out = new ArrayList<>();
    for (MissingBuilder b : missing.values()) {
      out.add(
          new Assessment.MissingData(
              b.finding, String.join(", ", b.decides), b.statement, new ArrayList<>(b.blocks)));
    }
    return out;
  }

  List<Assessment.Warning> warnings() {
    return warnings;
  }

  private static final class MissingBuilder {
    final String finding;
    final String statement;
    final Set<String> decides = new java.util.TreeSet<>();
    final Set<String> blocks = new LinkedHashSet<>();

    MissingBuilder(String finding, String statement) {
      this.finding = finding;
      this.statement = statement;
    }
  }
}
