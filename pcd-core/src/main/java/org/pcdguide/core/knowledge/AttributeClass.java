package org.pcdguide.core.knowledge;

/**
 * A class of agents named by a cited attribute value (e.g. {@code neurotoxicity: high}): an avoid
 * entry that names a class speaks to every agent the vocabulary gives that value, and an agent for
 * which no pack source gives the attribute is neither in nor out of the class.
 */
public record AttributeClass(String attribute, String value) {
  /** As the knowledge pack writes it: {@code neurotoxicity: high}. */
  public String word() {
    return attribute + ": " + value;
  }

  /** Whether an agent is in the class, outside it, or unsourced for the attribute. */
  public enum Membership {
    MEMBER,
    NOT_MEMBER,
    UNSOURCED
  }
}
