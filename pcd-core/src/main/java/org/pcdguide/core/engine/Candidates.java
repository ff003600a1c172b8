package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Support;
import org.pcdguide.core.knowledge.TreatmentEntry;

/**
 * The recommendations of one assessment before ranking: each option with its follow-on steps, its
 * preference and its history, and the sort keys of docs/ranking.md.
 */
final class Candidates {
  private static final int SUPPORTIVE_LAST = 100;
  private static final int BRANCH = 1;
  private static final java.util.Set<String> PHASE_FACTS = java.util.Set.of("therapy.phase");

  private final KnowledgePack pack;
  private final PackMemo memo;
  private final FactContext facts;
  private final TreatmentHistory history;
  private final MissingDataList missing;
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<String> branches = new ArrayList<>();
  private int order;

  Candidates(
      KnowledgePack pack, FactContext facts, TreatmentHistory history, MissingDataList missing) {
    this.pack = pack;
    this.memo = PackMemo.of(pack);
    this.facts = facts;
    this.history = history;
    this.missing = missing;
  }

  /** A recommendation before ranking, with its sort keys. */
  private record Candidate(
      Assessment.Recommendation item,
      int kind,
      boolean fits,
      Support support,
      int prefer,
      int order,
      int undecided,
      int branch) {}

  /**
   * Adds an option of a module whose extent fact is {@code extentFact}; {@code fired} is why its
   * condition holds, {@code assumes} the phase it assumes when the phase is unknown.
   */
  void add(
      TreatmentEntry e,
      String module,
      Optional<String> extentFact,
      List<String> fired,
      Optional<String> branch,
      Optional<String> assumes) {
    List<String> then = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    List<String> because = new ArrayList<>(fired);
    for (Entry.ThenStep step : e.then()) {
      // a completed step (a transplant, radiotherapy) is not offered again
      Optional<Therapy> done = history.gave(history.agents(step.agents(), Optional.empty()));
      if (done.isPresent()) {
        because.add(
            String.join(", ", step.agents())
                + " already given ("
                + TreatmentHistory.describe(done.get())
                + ")");
        continue;
      }
      Outcome o = ConditionEvaluator.evaluate(step.when(), facts);
      if (o.truth() == Truth.TRUE) {
        then.addAll(step.agents());
      } else if (o.truth() == Truth.UNKNOWN) {
        pending.addAll(step.agents());
        missing.add(o, e.id());
      }
    }
    int prefer = 1;
    if (e.preferWhen().isPresent()) {
      Outcome p = ConditionEvaluator.evaluate(e.preferWhen().get(), facts);
      prefer = p.truth() == Truth.TRUE ? 0 : p.truth() == Truth.FALSE ? 2 : 1;
      if (p.truth() == Truth.TRUE) {
        because.addAll(p.because());
      } else if (p.truth() == Truth.UNKNOWN) {
        missing.add(p, e.id());
      }
    }
    Optional<Therapy> given = history.gave(history.agents(e.agents(), e.regimen()));
    Assessment.Recommendation item =
        new Assessment.Recommendation(
            e, module, 0, because, then, pending, given, Undecided.join(branch, assumes));
    int kind = e.kind() == EntryKind.SUPPORTIVE ? SUPPORTIVE_LAST : e.kind().ordinal();
    candidates.add(
        new Candidate(
            item,
            kind,
            memo.get("fits", e, x -> fits(e, extentFact)),
            memo.get("support", e, x -> Support.of(e, pack)),
            prefer,
            order++,
            branch.isPresent() ? BRANCH : 0,
            branch.map(this::branchIndex).orElse(0)));
  }

  /**
   * Whether the option is specific to the patient's setting: its condition tests the module's
   * extent or the treatment phase (a systemic option for systemic disease outranks a skin-directed
   * option that holds whatever the extent).
   */
  static boolean fits(TreatmentEntry e, Optional<String> extentFact) {
    return e.when().facts().stream()
        .anyMatch(f -> PHASE_FACTS.contains(f) || extentFact.map(f::equals).orElse(false));
  }

  /** Options of the same branch ("holds if ...") are listed together, in order of appearance. */
  private int branchIndex(String branch) {
    int at = branches.indexOf(branch);
    if (at < 0) {
      branches.add(branch);
      at = branches.size() - 1;
    }
    return at;
  }

  /** The recommendations in rank order (not yet numbered). */
  List<Assessment.Recommendation> ranked() {
    List<Candidate> sorted = new ArrayList<>(candidates);
    // an option that holds only in one branch of an undecided fact ranks below every option that
    // holds either way (issue 14, rule 2); an option resting only on an unknown treatment phase
    // keeps its place (issue 13, rule 1: the phase is assumed, and said)
    sorted.sort(Candidates::compare);
    List<Assessment.Recommendation> out = new ArrayList<>(sorted.size());
    for (Candidate c : sorted) {
      out.add(c.item());
    }
    return out;
  }

  /** The keys of docs/ranking.md, in order. */
  private static int compare(Candidate a, Candidate b) {
    int c = Integer.compare(a.undecided() == BRANCH ? 1 : 0, b.undecided() == BRANCH ? 1 : 0);
    if (c == 0) {
      c = Integer.compare(a.branch(), b.branch());
    }
    if (c == 0) {
      c = Integer.compare(a.kind() == SUPPORTIVE_LAST ? 1 : 0, b.kind() == SUPPORTIVE_LAST ? 1 : 0);
    }
    if (c == 0) {
      c = Integer.compare(a.fits() ? 0 : 1, b.fits() ? 0 : 1);
    }
    if (c == 0) {
      c = a.support().compareTo(b.support());
    }
    if (c == 0) {
      c = Integer.compare(a.kind(), b.kind());
    }
    if (c == 0) {
      c = Integer.compare(a.prefer(), b.prefer());
    }
    return c != 0 ? c : Integer.compare(a.order(), b.order());
  }
}
