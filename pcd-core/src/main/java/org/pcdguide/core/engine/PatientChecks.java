package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.AgeRange;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.FlagCheck;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Population;
import org.pcdguide.core.knowledge.Source;
import org.pcdguide.core.knowledge.TreatmentEntry;

/**
 * Checks the ranked options against this patient (issue 13, rule 8): the patient's age against the
 * populations of each option's cited sources, and the modules' flag checks (a clinician's flag
 * against a condition a source states). Findings are warnings, and so is a check that the missing
 * age (or another missing fact) leaves undecided. See docs/guideline-interpretations.md.
 */
final class PatientChecks {
  /** Under this age the patient is a child (a convention no pack source sets; see the docs). */
  static final int ADULT_AGE = 18;

  private PatientChecks() {}

  static void apply(
      FactContext facts,
      List<String> assessedFiles,
      List<Assessment.Recommendation> ranked,
      Sections out) {
    List<Assessment.Recommendation> directed = new ArrayList<>(ranked.size());
    for (Assessment.Recommendation r : ranked) {
      if (r.entry().kind() != EntryKind.SUPPORTIVE) {
        directed.add(r);
      }
    }
    ages(facts, directed, out);
    for (DisorderModule m : facts.pack().modules()) {
      if (assessedFiles.contains(m.file())) {
        for (FlagCheck f : m.flagChecks()) {
          flag(f, facts, directed, out);
        }
      }
    }
  }

  private static void ages(
      FactContext facts, List<Assessment.Recommendation> options, Sections out) {
    Optional<Integer> age = facts.patientCase().patient().age();
    if (age.isEmpty()) {
      if (!options.isEmpty()) {
        out.warn(new Warning.AgeNotStated(options.stream().map(r -> r.entry().id()).toList()));
      }
      return;
    }
    for (Assessment.Recommendation r : options) {
      check(r.entry(), age.get(), sources(facts.pack(), r.entry())).ifPresent(out::warn);
    }
  }

  /** The distinct sources an option cites, in citation order. */
  static List<Source> sources(KnowledgePack pack, TreatmentEntry e) {
    return PackMemo.of(pack)
        .get(
            "sources",
            e,
            x -> e.evidence().stream().map(Evidence::source).distinct().map(pack::source).toList());
  }

  /**
   * No warning when a human source states ages that include the patient's. Otherwise a child gets
   * one (whatever the sources state), and an adult older than every stated human population gets
   * one; an adult with no stated range to compare with gets none.
   */
  static Optional<Warning> check(TreatmentEntry e, int age, List<Source> sources) {
    List<AgeRange> stated = new ArrayList<>();
    for (Source s : sources) {
      if (s.population() == Population.HUMAN) {
        s.ages().ifPresent(stated::add);
      }
    }
    boolean older = !stated.isEmpty();
    for (AgeRange a : stated) {
      if (a.covers(age)) {
        return Optional.empty();
      }
      older &= age > a.max();
    }
    if (age < ADULT_AGE) {
      return Optional.of(new Warning.AgeNotCovered(e, age, true, sources));
    }
    if (older) {
      return Optional.of(new Warning.AgeNotCovered(e, age, false, sources));
    }
    return Optional.empty();
  }

  private static void flag(
      FlagCheck f, FactContext facts, List<Assessment.Recommendation> options, Sections out) {
    List<String> depends = new ArrayList<>();
    for (Assessment.Recommendation r : options) {
      if (gives(facts.pack(), r, f.agents())) {
        depends.add(r.entry().id());
      }
    }
    if (depends.isEmpty()) {
      return;
    }
    Outcome flag = ConditionEvaluator.evaluate(f.flag(), facts);
    if (flag.truth() != Truth.TRUE) {
      return;
    }
    Outcome when = ConditionEvaluator.evaluate(f.when(), facts);
    if (when.truth() == Truth.TRUE) {
      List<String> because = new ArrayList<>(flag.because());
      because.addAll(when.because());
      out.warn(new Warning.FlagQuestioned(f, because, depends));
    } else if (when.truth() == Truth.UNKNOWN) {
      List<String> missing =
          when.gaps().stream().map(g -> g.finding().finding()).distinct().toList();
      out.warn(new Warning.FlagUnchecked(f, flag.because(), missing, depends));
    }
  }

  /** Whether an option gives one of {@code agents}: itself, its regimen or a step that follows. */
  private static boolean gives(
      KnowledgePack pack, Assessment.Recommendation r, List<String> agents) {
    Set<String> own = AgentSets.of(pack.vocabulary()).of(r.entry().agents(), r.entry().regimen());
    for (String a : agents) {
      if (own.contains(a) || r.then().contains(a) || r.thenPending().contains(a)) {
        return true;
      }
    }
    return false;
  }
}
