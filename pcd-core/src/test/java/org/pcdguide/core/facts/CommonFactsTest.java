package org.pcdguide.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonFactsTest {
  @Test
  void neuropathyPreexisting_flagDecides() {
    assertThat(
            Facts.of(
                    "neuropathy.preexisting",
                    "findings:\n  peripheral-neuropathy: {present: true, severity: severe, preexisting: false}\n")
                .is(false))
        .isTrue();
  }

  @Test
  void neuropathyPreexisting_moderateSeverityCounts() {
    assertThat(
            Facts.of(
                    "neuropathy.preexisting",
                    "findings:\n  peripheral-neuropathy: {present: true, severity: moderate}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void neuropathyPreexisting_mildSeverityDoesNotCount() {
    assertThat(
            Facts.of(
                    "neuropathy.preexisting",
                    "findings:\n  peripheral-neuropathy: {present: true, severity: mild}\n")
                .is(false))
        .isTrue();
  }

  @Test
  void neuropathyPreexisting_merePresenceNeverDecides() {
    FactValue v = Facts.of("neuropathy.preexisting", "findings:\n  peripheral-neuropathy: true\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("peripheral-neuropathy.preexisting");
  }

  @Test
  void transplantEligible_unknownUnlessStated() {
    assertThat(Facts.missing(Facts.of("transplant.eligible", "patient: {age: 50}\n")))
        .isEqualTo("patient.transplant-eligible");
    assertThat(Facts.of("transplant.eligible", "patient: {transplant-eligible: false}\n").is(false))
        .isTrue();
  }

  @Test
  void anemia_belowTheLabsLowerLimit() {
    assertThat(
            Facts.of(
                    "anemia",
                    "labs:\n  - {test: hemoglobin, value: 10.1, unit: g/dL, reference-range: {low: 12, high: 16}}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void anemia_atTheLowerLimit_notAnemic() {
    assertThat(
            Facts.of(
                    "anemia",
                    "labs:\n  - {test: hemoglobin, value: 120, unit: g/L, reference-range: {low: 120}}\n")
                .is(false))
        .isTrue();
  }

  @Test
  void anemia_withoutReferenceRange_unknownNeverAnInventedThreshold() {
    FactValue v = Facts.of("anemia", "labs:\n  - {test: hemoglobin, value: 6.0, unit: g/dL}\n");
    assertThat(v.known()).isFalse();
    assertThat(Facts.missing(v)).isEqualTo("hemoglobin.reference-range.low");
  }

  @Test
  void anemia_usesTheLatestResultAsOfTheAssessmentDate() {
    String labs =
        """
        as-of: 2026-11-01
        labs:
          - {test: hemoglobin, value: 9.0, unit: g/dL, date: 2026-01-01, reference-range: {low: 12}}
          - {test: hemoglobin, value: 13.0, unit: g/dL, date: 2026-10-01, reference-range: {low: 12}}
        """;
    assertThat(Facts.of("anemia", labs).is(false)).isTrue();
  }

  @Test
  void thrombocytopenia_belowRange() {
    assertThat(
            Facts.of(
                    "thrombocytopenia",
                    "labs:\n  - {test: platelets, value: 90, unit: 10*3/uL, reference-range: {low: 150, high: 400}}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void priorSystemic_historyAbsentIsUnknown_emptyHistoryIsNone() {
    assertThat(Facts.missing(Facts.of("therapy.prior-systemic", "patient: {age: 50}\n")))
        .isEqualTo("history.therapies");
    assertThat(Facts.of("therapy.prior-systemic", "history: {therapies: []}\n").is(false)).isTrue();
    assertThat(
            Facts.of(
                    "therapy.prior-systemic",
                    "history: {therapies: [{therapy: melphalan-dexamethasone}]}\n")
                .is(true))
        .isTrue();
  }

  @Test
  void radiotherapyMonthsSinceEnd_wholeMonthsToAsOf() {
    String body =
        """
        as-of: 2026-11-01
        history:
          therapies:
            - {therapy: radiotherapy, start: 2026-05-01, end: 2026-06-15, response: no-stabilization}
        """;
    assertThat(Facts.of("radiotherapy.months-since-end", body).is(4.0)).isTrue();
    assertThat(Facts.of("radiotherapy.stabilized", body).is(false)).isTrue();
  }

  @Test
  void radiotherapyMonthsSinceEnd_oneDayShortOfThreeMonths_isTwo() {
    String body =
        """
        as-of: 2026-09-14
        history:
          therapies:
            - {therapy: radiotherapy, end: 2026-06-15}
        """;
    assertThat(Facts.of("radiotherapy.months-since-end", body).is(2.0)).isTrue();
    assertThat(Facts.missing(Facts.of("radiotherapy.stabilized", body)))
        .isEqualTo("history.therapies[radiotherapy].response");
  }
}
