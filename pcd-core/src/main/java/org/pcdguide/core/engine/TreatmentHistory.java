package org.pcdguide.core.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * What the case's history says was given and how it went, by agent: an option whose agents were all
 * given in one therapy was given before; an option sharing a disease-directed (systemic) agent, or
 * its procedure, with a therapy that failed or was not tolerated is not offered again.
 */
final class TreatmentHistory {
  /** Responses after which a therapy is not offered again (docs/ranking.md). */
  static final Set<String> FAILED = Set.of("progression", "no-stabilization", "refractory");

  static final String INTOLERANT = "intolerant";

  private final List<Therapy> therapies;
  private final Vocabulary vocabulary;
  private final AgentSets sets;

  /** The therapies that failed or were not tolerated. */
  private final List<Therapy> stopped;

  /** Every agent some therapy of the history gave (a set that gave() needs all of in one). */
  private final Set<String> anyGiven;

  TreatmentHistory(PatientCase patientCase, Vocabulary vocabulary) {
    this.therapies = patientCase.history().orElse(List.of());
    this.vocabulary = vocabulary;
    this.sets = AgentSets.of(vocabulary);
    List<Therapy> failed = new java.util.ArrayList<>(therapies.size());
    Set<String> given = new java.util.HashSet<>();
    for (Therapy t : therapies) {
      String response = t.response().orElse("");
      if (FAILED.contains(response) || response.equals(INTOLERANT)) {
        failed.add(t);
      }
      given.addAll(agentsOf(t.therapy()));
    }
    this.stopped = failed;
    this.anyGiven = given;
  }

  /** The agents an option or order gives: its regimen's and its own (an immutable set). */
  Set<String> agents(List<String> agents, Optional<String> regimen) {
    return sets.of(agents, regimen);
  }

  /** The agents of one regimen or agent id (an immutable set). */
  Set<String> agentsOf(String id) {
    return sets.of(id);
  }

  /** The latest therapy that gave every one of {@code agents} (none for an empty set). */
  Optional<Therapy> gave(Set<String> agents) {
    if (therapies.isEmpty()) {
      return Optional.empty();
    }
    Therapy latest = null;
    for (Therapy t : therapies) {
      if (!agents.isEmpty() && agentsOf(t.therapy()).containsAll(agents) && later(t, latest)) {
        latest = t;
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * The latest therapy that was not tolerated and shares any agent with {@code agents}, or that
   * failed and shares a disease-directed one (a systemic drug or the procedure itself: steroids
   * given alongside do not make a regimen "failed").
   */
  Optional<Therapy> failed(Set<String> agents) {
    if (stopped.isEmpty()) {
      return Optional.empty();
    }
    Therapy latest = null;
    for (Therapy t : stopped) {
      boolean intolerant = t.response().orElse("").equals(INTOLERANT);
      if (later(t, latest) && shares(agentsOf(t.therapy()), agents, intolerant)) {
        latest = t;
      }
    }
    return Optional.ofNullable(latest);
  }

  private boolean shares(Set<String> given, Set<String> agents, boolean any) {
    for (String a : given) {
      if (agents.contains(a) && (any || directed(a))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why an option is not offered again: for a regimen or a single agent, a failed or not tolerated
   * shared agent; for a list of alternative agents (topical tacrolimus or PUVA), only when every
   * alternative failed or was not tolerated.
   */
  Optional<Therapy> ruledOut(org.pcdguide.core.knowledge.TreatmentEntry option) {
    if (stopped.isEmpty()) {
      return Optional.empty();
    }
    if (option.regimen().isPresent() || option.agents().size() <= 1) {
      return failed(agents(option.agents(), option.regimen()));
    }
    Therapy latest = null;
    for (String alternative : option.agents()) {
      Optional<Therapy> t = failed(Set.of(alternative));
      if (t.isEmpty()) {
        return Optional.empty();
      }
      if (later(t.get(), latest)) {
        latest = t.get();
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * A completed procedure (an autologous transplant): an option made only of procedures that the
   * history already gave, whatever the response; no entry of the pack sources re-treatment.
   */
  Optional<Therapy> completed(org.pcdguide.core.knowledge.TreatmentEntry option) {
    if (therapies.isEmpty()) {
      return Optional.empty();
    }
    Set<String> agents = agents(option.agents(), option.regimen());
    if (agents.isEmpty() || !anyGiven.containsAll(agents)) {
      return Optional.empty(); // no therapy of the history gave them all
    }
    for (String a : agents) {
      Vocabulary.AgentDef def = vocabulary.agents().get(a);
      if (def == null || !"procedure".equals(def.agentClass())) {
        return Optional.empty();
      }
    }
    return gave(agents);
  }

  private boolean directed(String agent) {
    Vocabulary.AgentDef def = vocabulary.agents().get(agent);
    return def != null && (def.systemic() || def.procedure());
  }

  private static boolean later(Therapy t, Therapy than) {
    return than == null || date(t).compareTo(date(than)) >= 0;
  }

  private static LocalDate date(Therapy t) {
    return t.end().or(t::start).orElse(LocalDate.MIN);
  }

  /** The trace line of a therapy of the history. */
  static String describe(Therapy t) {
    return "history: " + t.summary();
  }
}
