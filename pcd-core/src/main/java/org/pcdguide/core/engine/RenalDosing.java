package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Issue 13 rule 8, first sentence: for a patient with renal impairment (the clinician's finding, or
 * creatinine clearance / eGFR below the lab's reference range: {@code renal.impaired}), every
 * recommended option's drugs by what the pack's sources say of their renal dose adjustment. The
 * pack gives no renal dose; a drug no source speaks to is named, never passed over. Nothing is said
 * when the case states no renal function at all (docs/guideline-interpretations.md).
 */
final class RenalDosing {
  static final String ATTRIBUTE = "renal-dose-adjustment";
  static final String REQUIRED = "required";

  private RenalDosing() {}

  static Optional<Warning> of(FactContext facts, List<Assessment.Recommendation> ranked) {
    PatientCase c = facts.patientCase();
    boolean stated =
        c.finding("renal-impairment").isPresent()
            || c.latestLab("creatinine-clearance", facts.asOf()).isPresent()
            || c.latestLab("egfr", facts.asOf()).isPresent();
    if (!stated) {
      return Optional.empty();
    }
    FactValue renal = facts.fact("renal.impaired");
    if (renal instanceof FactValue.Known k && !Boolean.TRUE.equals(k.value())) {
      return Optional.empty();
    }
    List<Warning.RenalOption> options = new ArrayList<>();
    for (Assessment.Recommendation r : ranked) {
      option(facts.pack(), r).ifPresent(options::add);
    }
    if (options.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Warning.RenalDosing(renal instanceof FactValue.Known, renal.because(), options));
  }

  /** The option's drugs (its agents, its regimen's and its follow-on steps'), by renal dosing. */
  private static Optional<Warning.RenalOption> option(
      KnowledgePack pack, Assessment.Recommendation r) {
    // an option without follow-on steps depends on the pack alone: sorted once per pack
    Optional<Dosing> d =
        r.then().isEmpty()
            ? PackMemo.of(pack)
                .get("renal", r.entry(), e -> dosing(pack.vocabulary(), r, List.of()))
            : dosing(pack.vocabulary(), r, r.then());
    return d.map(
        x ->
            new Warning.RenalOption(
                r.entry().id(), r.rank(), x.adjust(), x.notRequired(), x.sources(), x.unsourced()));
  }

  /** The option's drugs sorted by what the vocabulary says of their renal dosing. */
  private record Dosing(
      List<String> adjust,
      List<String> notRequired,
      List<String> sources,
      List<String> unsourced) {}

  private static Optional<Dosing> dosing(
      Vocabulary v, Assessment.Recommendation r, List<String> then) {
    Set<String> agents = new LinkedHashSet<>();
    r.entry().agents().forEach(a -> agents.addAll(v.agentsOf(a)));
    r.entry().regimen().ifPresent(g -> agents.addAll(v.agentsOf(g)));
    then.forEach(a -> agents.addAll(v.agentsOf(a)));
    List<String> adjust = new ArrayList<>();
    List<String> notRequired = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    List<String> unsourced = new ArrayList<>();
    Vocabulary.AttributeDef def = v.attributes().get(ATTRIBUTE);
    for (String a : agents) {
      Vocabulary.AgentDef agent = v.agents().get(a);
      if (agent == null || def == null || !def.appliesTo().contains(agent.agentClass())) {
        continue;
      }
      Vocabulary.AttributeValue value = agent.attributes().get(ATTRIBUTE);
      if (value == null) {
        unsourced.add(a);
        continue;
      }
      (REQUIRED.equals(value.value()) ? adjust : notRequired).add(a);
      value.evidence().stream().map(Evidence::source).forEach(sources::add);
    }
    if (adjust.isEmpty() && notRequired.isEmpty() && unsourced.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Dosing(
            List.copyOf(adjust),
            List.copyOf(notRequired),
            List.copyOf(sources),
            List.copyOf(unsourced)));
  }
}
