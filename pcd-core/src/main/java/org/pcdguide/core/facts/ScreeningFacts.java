package org.pcdguide.core.facts;

/**
 * Facts about an assessment rather than the case ({@code assessment.*}): they are known only once
 * the engine has assessed the patient, and only screening rules may name them (checked at load).
 */
final class ScreeningFacts {
  private ScreeningFacts() {}

  static FactValue afterAssessment(FactContext ctx) {
    return FactValue.unknown(
        "assessment", "known only after the assessment; only screening rules read it");
  }
}
