package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.ScreeningRule;

/**
 * What population screening found for one patient: the assessment and the screening rules that flag
 * the patient, each with the facts that made it fire and what it is about (the avoid entries and
 * orders hit, the trials matched).
 */
public record Screening(Assessment assessment, List<Hit> hits) {
  public Screening {
    hits = List.copyOf(hits);
  }

  /** One screening rule that fired: its finding code, why, and what it concerns. */
  public record Hit(ScreeningRule rule, String finding, List<String> because, List<String> about) {
    public Hit {
      because = List.copyOf(because);
      about = List.copyOf(about);
    }
  }

  static Screening of(Assessment a, FactContext facts) {
    List<String> ordered = new ArrayList<>();
    for (Assessment.AvoidItem i : a.avoid()) {
      for (String order : i.proposed()) {
        ordered.add(i.entry().id() + ": " + order);
      }
    }
    facts.settle(
        "assessment.avoid-ordered",
        FactValue.of(
            !ordered.isEmpty(),
            ordered.isEmpty()
                ? "no agent to avoid is ordered"
                : "ordered agent to avoid (" + String.join("; ", ordered) + ")"));
    String best = "none";
    List<String> trials = new ArrayList<>();
    for (Assessment.Trial t : a.trials()) {
      trials.add(
          t.entry().id() + " " + t.entry().registry().orElse("") + ": " + t.eligible().word());
      best = better(best, t.eligible().word());
    }
    facts.settle(
        "assessment.trial-eligibility",
        FactValue.of(best, "trial eligibility " + (trials.isEmpty() ? "none" : trials)));
    List<Hit> hits = new ArrayList<>();
    for (ScreeningRule rule : facts.pack().screening()) {
      Outcome o = ConditionEvaluator.evaluate(rule.when(), facts);
      if (o.truth() == Truth.TRUE) {
        hits.add(new Hit(rule, rule.item(), o.because(), about(rule, ordered, trials)));
      }
    }
    return new Screening(a, hits);
  }

  /**
   * The screening rules that change management (those that hold orders), run in every assessment
   * over the case's facts, with the same semantics as population screening: a rule fires only when
   * its condition is true, never when it is unknown. A fired rule holds the proposed agents it
   * names while its hold's condition is true.
   */
  static List<Assessment.ScreeningFinding> inAssessment(FactContext facts) {
    Set<String> proposed = new java.util.HashSet<>();
    facts
        .patientCase()
        .proposed()
        .forEach(o -> proposed.addAll(facts.pack().vocabulary().agentsOf(o)));
    List<Assessment.ScreeningFinding> findings = new ArrayList<>();
    for (ScreeningRule rule : facts.pack().screening()) {
      if (rule.holds().isEmpty()) {
        continue;
      }
      Outcome o = ConditionEvaluator.evaluate(rule.when(), facts);
      if (o.truth() != Truth.TRUE) {
        continue;
      }
      ScreeningRule.Hold hold = rule.holds().get();
      List<String> because = new ArrayList<>(o.because());
      List<String> held = new ArrayList<>();
      for (String order : hold.orders()) {
        facts.pack().vocabulary().agentsOf(order).stream()
            .filter(a -> proposed.contains(a) && !held.contains(a))
            .forEach(held::add);
      }
      if (!held.isEmpty()) {
        Outcome open = ConditionEvaluator.evaluate(hold.whileTrue(), facts);
        if (open.truth() == Truth.TRUE) {
          because.addAll(open.because());
        } else {
          held.clear();
        }
      }
      findings.add(
          new Assessment.ScreeningFinding(rule, "screening", findings.size() + 1, because, held));
    }
    return findings;
  }

  private static List<String> about(Entry rule, List<String> ordered, List<String> trials) {
    if (mentions(rule, "assessment.avoid-ordered")) {
      return ordered;
    }
    return mentions(rule, "assessment.trial-eligibility") ? trials : List.of();
  }

  private static boolean mentions(Entry rule, String fact) {
    return rule.when().facts().contains(fact);
  }

  private static String better(String a, String b) {
    List<String> order = List.of("none", "no", "unknown", "yes");
    return order.indexOf(b) > order.indexOf(a) ? b : a;
  }
}
