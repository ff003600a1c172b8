package org.pcdguide.core.knowledge;

/**
 * How an entry's statement is supported for the setting it speaks to, computed once from its
 * evidence (docs/ranking.md). The ranking puts every option resting on located human evidence above
 * the others, and the pack validator allows {@code strength: recommended} only there.
 */
public enum Support {
  /** At least one evidence item from a human, same-entity source, not marked unsupported. */
  LOCATED_HUMAN,
  /** Every evidence item is marked {@code unsupported: true}: no supporting source was located. */
  UNSUPPORTED,
  /**
   * Some evidence is veterinary or about a different entity (seed 000's canine study), or every
   * evidence item that is not unsupported comes from a proposal without results (seed 004).
   */
  NON_HUMAN_OR_PROPOSAL;

  /** The support of {@code e}'s statement; a source the pack lacks counts as not located. */
  public static Support of(Entry e, KnowledgePack pack) {
    boolean located = false;
    boolean proposal = false;
    for (Evidence ev : e.evidence()) {
      Source s = pack.sources().get(ev.source());
      if (s == null) {
        continue;
      }
      if (!s.human()) {
        return NON_HUMAN_OR_PROPOSAL;
      }
      if (s.kind() == SourceKind.TRIAL_PROPOSAL) {
        proposal = true;
      } else if (!ev.unsupported()) {
        located = true;
      }
    }
    return located ? LOCATED_HUMAN : proposal ? NON_HUMAN_OR_PROPOSAL : UNSUPPORTED;
  }

  /** Whether every evidence item of {@code e} is marked unsupported by a located source. */
  public static boolean allUnsupported(Entry e) {
    return e.evidence().stream().allMatch(Evidence::unsupported);
  }
}
