package org.pcdguide.core.engine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.knowledge.Condition;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.TreatmentEntry;
import org.pcdguide.core.knowledge.TreatmentPhase;

/**
 * Whether a treatment option fits the patient's treatment phase ({@code therapy.phase}): an option
 * applies in the phases it declares, or while its course is in progress (it was given, did not
 * fail, and a follow-on step such as the transplant is still to come). When the phase is unknown
 * the option stays, marked with the phase it assumes, and the history is missing data.
 */
final class Phases {
  static final String FACT = "therapy.phase";

  private static final int EVERY = TreatmentPhase.values().length;

  private final FactContext facts;

  /** The phase fact, read once per assessment (null until first read). */
  private FactValue value;

  /** The patient's phase, parsed with {@link #value}. */
  private Optional<TreatmentPhase> known;

  Phases(FactContext facts) {
    this.facts = facts;
  }

  /**
   * How an option fits: the patient's phase (or "unknown"), whether it is out of phase, the
   * assumption it rests on when the phase is unknown, and the outcome that names the missing data.
   */
  record Fit(String phase, boolean outOfPhase, Optional<String> assumes, Optional<Outcome> gap) {}

  Fit fit(TreatmentEntry t, TreatmentHistory history) {
    if (value == null) {
      value = facts.fact(FACT);
      known =
          value instanceof FactValue.Known k
              ? TreatmentPhase.parse((String) k.value())
              : Optional.empty();
    }
    FactValue v = value;
    boolean every = t.phases().size() == EVERY;
    if (v instanceof FactValue.Known k) {
      String phase = (String) k.value();
      boolean applies =
          every || (known.isPresent() && t.appliesIn(known.get())) || continuing(t, history, facts);
      return new Fit(phase, !applies, Optional.empty(), Optional.empty());
    }
    if (every) {
      return new Fit("unknown", false, Optional.empty(), Optional.empty());
    }
    List<Object> words = t.phases().stream().map(p -> (Object) p.word()).toList();
    Outcome gap = ConditionEvaluator.evaluate(new Condition.Compare(FACT, "in", words), facts);
    String assumes =
        "holds if the treatment phase is "
            + t.phases().stream().map(TreatmentPhase::word).collect(Collectors.joining(" or "))
            + " ("
            + String.join("; ", v.because())
            + ")";
    return new Fit("unknown", false, Optional.of(assumes), Optional.of(gap));
  }

  /**
   * A course in progress: the option was given, did not fail, and a later step that may apply is
   * still due.
   */
  private static boolean continuing(TreatmentEntry t, TreatmentHistory history, FactContext facts) {
    if (t.then().isEmpty() || history.gave(history.agents(t.agents(), t.regimen())).isEmpty()) {
      return false;
    }
    for (Entry.ThenStep step : t.then()) {
      if (history.gave(history.agents(step.agents(), Optional.empty())).isEmpty()
          && ConditionEvaluator.evaluate(step.when(), facts).truth()
              != org.pcdguide.core.facts.Truth.FALSE) {
        return true;
      }
    }
    return false;
  }
}
