package org.pcdguide.core.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.pcdguide.core.cases.Therapy;
import org.pcdguide.core.knowledge.Vocabulary;

/** Facts about therapy already given. An absent {@code history} keeps all of them unknown. */
final class TherapyFacts {
  private static final List<String> STABILIZED =
      List.of("complete", "very-good-partial", "partial", "stable");
  static final List<String> NOT_STABILIZED =
      List.of("progression", "no-stabilization", "refractory");

  private static final String HISTORY_ABSENT = "prior therapy is not stated (history is absent)";

  private TherapyFacts() {}

  /** The therapy facts of {@link FactRegistry}. */
  static final List<FactDef> DEFS =
      List.of(
          FactDef.bool(
              "ivig.refractory",
              "history lists ivig-high-dose with response refractory, progression or no-stabilization",
              TherapyFacts::ivigRefractory),
          FactDef.date(
              "radiotherapy.end",
              "end date of the latest radiotherapy",
              TherapyFacts::radiotherapyEnd),
          FactDef.bool(
              "radiotherapy.given",
              "history lists radiotherapy; unknown when history is absent",
              TherapyFacts::radiotherapyGiven),
          FactDef.number(
              "radiotherapy.months-since-end",
              "whole months from the latest radiotherapy end to as-of",
              TherapyFacts::radiotherapyMonthsSinceEnd),
          FactDef.bool(
              "radiotherapy.stabilized",
              "response of the latest radiotherapy: complete, very-good-partial, partial, stable = true; progression, no-stabilization, refractory = false",
              TherapyFacts::radiotherapyStabilized),
          FactDef.enumeration(
              "therapy.phase",
              org.pcdguide.core.knowledge.TreatmentPhase.words(),
              "the latest disease-directed therapy (systemic agent or transplant) and its response: untreated, on-therapy, in-response (complete/very-good-partial/partial), after-therapy (stable, intolerant), relapsed (progression), refractory (refractory, no-stabilization)",
              TherapyPhase::phase),
          FactDef.bool(
              "therapy.prior-systemic",
              "history lists an agent or regimen with a systemic agent (corticosteroids alone do not count); unknown when history is absent",
              TherapyFacts::priorSystemic),
          FactDef.bool(
              "therapy.refractory",
              "history lists a therapy with response refractory, progression or no-stabilization",
              TherapyFacts::refractory));

  static FactValue priorSystemic(FactContext ctx) {
    Optional<List<Therapy>> history = ctx.patientCase().history();
    if (history.isEmpty()) {
      return FactValue.unknown(
          "history.therapies", "prior therapy is not stated (history is absent)");
    }
    Vocabulary vocabulary = ctx.pack().vocabulary();
    for (Therapy t : history.get()) {
      for (String agent : vocabulary.agentsOf(t.therapy())) {
        Vocabulary.AgentDef def = vocabulary.agents().get(agent);
        if (def != null && def.systemic()) {
          return FactValue.of(true, "history: " + t.therapy() + " (systemic)");
        }
      }
    }
    return FactValue.of(false, "history lists no systemic therapy");
  }

  static Optional<Therapy> latestRadiotherapy(FactContext ctx) {
    Therapy latest = null;
    for (Therapy t : ctx.patientCase().history().orElse(List.of())) {
      if (!t.therapy().equals("radiotherapy")) {
        continue;
      }
      if (latest == null || key(t).compareTo(key(latest)) >= 0) {
        latest = t;
      }
    }
    return Optional.ofNullable(latest);
  }

  private static LocalDate key(Therapy t) {
    return t.end().or(t::start).orElse(LocalDate.MIN);
  }

  static FactValue radiotherapyGiven(FactContext ctx) {
    if (ctx.patientCase().history().isEmpty()) {
      return FactValue.unknown(
          "history.therapies", "prior therapy is not stated (history is absent)");
    }
    boolean given = latestRadiotherapy(ctx).isPresent();
    return FactValue.of(given, given ? "history: radiotherapy" : "history lists no radiotherapy");
  }

  static FactValue radiotherapyStabilized(FactContext ctx) {
    if (ctx.patientCase().history().isEmpty()) {
      return FactValue.unknown("history.therapies", HISTORY_ABSENT);
    }
    Optional<Therapy> rt = latestRadiotherapy(ctx);
    if (rt.isEmpty()) {
      return FactValue.unknown("history.therapies", "no radiotherapy in the history");
    }
    Optional<String> response = rt.get().response();
    if (response.isEmpty()) {
      return FactValue.unknown(
          "history.therapies[radiotherapy].response", "the response to radiotherapy is not stated");
    }
    if (STABILIZED.contains(response.get())) {
      return FactValue.of(true, "radiotherapy response = " + response.get());
    }
    if (NOT_STABILIZED.contains(response.get())) {
      return FactValue.of(false, "radiotherapy response = " + response.get());
    }
    return FactValue.unknown(
        "history.therapies[radiotherapy].response",
        "radiotherapy response '" + response.get() + "' says nothing about stabilization");
  }

  static FactValue radiotherapyEnd(FactContext ctx) {
    if (ctx.patientCase().history().isEmpty()) {
      return FactValue.unknown("history.therapies", HISTORY_ABSENT);
    }
    Optional<Therapy> rt = latestRadiotherapy(ctx);
    if (rt.isEmpty()) {
      return FactValue.unknown("history.therapies", "no radiotherapy in the history");
    }
    return rt.get()
        .end()
        .<FactValue>map(e -> FactValue.of(e, "radiotherapy ended " + e))
        .orElseGet(
            () ->
                FactValue.unknown(
                    "history.therapies[radiotherapy].end",
                    "the date radiotherapy ended is not stated"));
  }

  /** Whole months from the end of the latest radiotherapy to the assessment date. */
  static FactValue radiotherapyMonthsSinceEnd(FactContext ctx) {
    FactValue end = ctx.fact("radiotherapy.end");
    if (!(end instanceof FactValue.Known k)) {
      return end;
    }
    LocalDate ended = (LocalDate) k.value();
    long months = ChronoUnit.MONTHS.between(ended, ctx.asOf());
    return FactValue.of(
        (double) months,
        "radiotherapy ended " + ended + ", " + months + " whole months before " + ctx.asOf());
  }

  /** Any therapy in the history failed (refractory, progression, no stabilization). */
  static FactValue refractory(FactContext ctx) {
    return failed(ctx, t -> true, "therapy");
  }

  /** High-dose IVIg in the history failed. */
  static FactValue ivigRefractory(FactContext ctx) {
    Vocabulary v = ctx.pack().vocabulary();
    return failed(ctx, t -> v.agentsOf(t.therapy()).contains("ivig-high-dose"), "high-dose IVIg");
  }

  private static FactValue failed(
      FactContext ctx, java.util.function.Predicate<Therapy> which, String what) {
    Optional<List<Therapy>> history = ctx.patientCase().history();
    if (history.isEmpty()) {
      return FactValue.unknown("history.therapies", HISTORY_ABSENT);
    }
    for (Therapy t : history.get()) {
      if (which.test(t) && t.response().map(NOT_STABILIZED::contains).orElse(false)) {
        return FactValue.of(true, "history: " + t.therapy() + " response " + t.response().get());
      }
    }
    return FactValue.of(false, "history lists no failed " + what);
  }
}
