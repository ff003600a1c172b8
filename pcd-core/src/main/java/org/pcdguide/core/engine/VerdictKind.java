package org.pcdguide.core.engine;

import java.util.Locale;

/** What the assessment says about one proposed order (issue 13: a verdict on every order). */
public enum VerdictKind {
  /** The order is a ranked option (its regimen, its agents, or its follow-on step). */
  MATCHES_OPTION,
  /** The order is a component of a ranked option (dexamethasone inside a regimen). */
  PART_OF_OPTION,
  /** The matched option rests on veterinary, different-entity, unsupported or trial evidence. */
  WEAKLY_SUPPORTED,
  /** The order gives an agent to avoid that applies to this patient. */
  HITS_AVOID,
  /**
   * The order may give an agent to avoid once missing data are known, or an agent that an avoid
   * entry naming a class by attribute can neither hit nor clear (no pack source gives its value).
   */
  MAY_HIT_AVOID,
  /**
   * A screening rule that applies holds the order until an evaluation is done (a CIDP label with a
   * lambda M-protein: evaluate for POEMS before IVIg or plasmapheresis).
   */
  EVALUATE_FIRST,
  /** A pitfall that applies speaks against the order (repeat radiotherapy when it has failed). */
  AGAINST_PITFALL,
  /**
   * The order gives an agent that one assessed module recommends and another says to avoid (issue
   * 13 rule 5); critical: the avoid entry holds until the clinician decides.
   */
  MODULE_CONFLICT,
  /**
   * The order is disease-directed treatment of a disorder whose criteria the documented findings
   * contradict (the label is not supported; issue 13 rule 6); critical.
   */
  LABEL_CONTRADICTED,
  /** The history shows the order's agents given before. */
  GIVEN_BEFORE,
  /** The history shows a shared disease-directed agent failed (progression, refractory, ...). */
  FAILED_BEFORE,
  /** The history shows a shared agent was not tolerated. */
  NOT_TOLERATED,
  /** No option, no agent to avoid and no history entry speaks to the order. */
  UNCHECKED;

  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
