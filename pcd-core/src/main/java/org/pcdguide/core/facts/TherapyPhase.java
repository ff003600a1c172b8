package org.pcdguide.core.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.TreatmentPhase;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The fact {@code therapy.phase}: where the patient is in their anti-plasma-cell treatment, from
 * the latest disease-directed therapy of the dated history (a systemic agent or a transplant;
 * corticosteroids, IVIg, plasmapheresis and local therapy do not count, see
 * docs/guideline-interpretations.md). Unknown when the history is absent, or when the latest such
 * therapy has ended and its response is not stated. A plasmacytoma stated to have appeared at
 * relapse makes the phase relapsed (unless the history already says refractory).
 */
final class TherapyPhase {
  private TherapyPhase() {}

  static FactValue phase(FactContext ctx) {
    FactValue fromHistory = fromHistory(ctx);
    // a plasmacytoma stated to have appeared at relapse is a relapse, whatever the last response
    if (ctx.fact("emp.timing").is("relapse")
        && !fromHistory.is(TreatmentPhase.REFRACTORY.word())
        && !fromHistory.is(TreatmentPhase.RELAPSED.word())) {
      return FactValue.of(
          TreatmentPhase.RELAPSED.word(),
          "extramedullary-plasmacytoma.timing = relapse",
          "history: " + String.join("; ", fromHistory.because()));
    }
    return fromHistory;
  }

  private static FactValue fromHistory(FactContext ctx) {
    Optional<List<Therapy>> history = ctx.patientCase().history();
    if (history.isEmpty()) {
      return FactValue.unknown(
          "history.therapies", "the treatment history is not stated (untreated or not?)");
    }
    Vocabulary vocabulary = ctx.pack().vocabulary();
    Therapy latest = null;
    for (Therapy t : history.get()) {
      if (directed(vocabulary, t) && (latest == null || !start(t).isBefore(start(latest)))) {
        latest = t;
      }
    }
    if (latest == null) {
      return FactValue.of(
          TreatmentPhase.UNTREATED.word(),
          "history lists no disease-directed systemic therapy or transplant");
    }
    String given = "history: " + latest.summary();
    String response = latest.response().orElse("");
    TreatmentPhase phase =
        switch (response) {
          case "complete", "very-good-partial", "partial" -> TreatmentPhase.IN_RESPONSE;
          case "stable", "intolerant" -> TreatmentPhase.AFTER_THERAPY;
          case "progression" -> TreatmentPhase.RELAPSED;
          case "refractory", "no-stabilization" -> TreatmentPhase.REFRACTORY;
          default -> null;
        };
    if (phase == TreatmentPhase.IN_RESPONSE) {
      LocalDate since = latest.end().or(latest::start).orElse(ctx.asOf());
      long months = ChronoUnit.MONTHS.between(since, ctx.asOf());
      return FactValue.of(
          phase.word(),
          given,
          "in " + response + " response since " + since + " (" + months + " whole months)");
    }
    if (phase != null) {
      return FactValue.of(phase.word(), given);
    }
    if (latest.end().isEmpty() || latest.end().get().isAfter(ctx.asOf())) {
      return FactValue.of(TreatmentPhase.ON_THERAPY.word(), given + " (not ended)");
    }
    return FactValue.unknown(
        "history.therapies[" + latest.therapy() + "].response",
        "the response to "
            + latest.therapy()
            + ", which ended "
            + latest.end().get()
            + ", is not stated");
  }

  private static boolean directed(Vocabulary vocabulary, Therapy t) {
    for (String agent : vocabulary.agentsOf(t.therapy())) {
      Vocabulary.AgentDef def = vocabulary.agents().get(agent);
      if (def != null && (def.systemic() || "procedure".equals(def.agentClass()))) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate start(Therapy t) {
    return t.start().or(t::end).orElse(LocalDate.MIN);
  }
}
