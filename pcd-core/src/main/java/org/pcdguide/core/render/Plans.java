package org.pcdguide.core.render;

import org.pcdguide.core.knowledge.Entry;

/** The wording of plan items (guidance ahead of a recommended or proposed procedure), once. */
final class Plans {
  private Plans() {}

  /** A window after a procedure not yet given: months only, the dates come once it is given. */
  static String window(Entry.Window w, String procedure) {
    return w.fromMonths()
        + "-"
        + w.toMonths()
        + " months after "
        + inSentence(procedure)
        + " ends (dates once it is given)";
  }

  /** A label inside a sentence: "radiotherapy", but "IVIg" and other acronyms as they are. */
  static String inSentence(String label) {
    return label.length() > 1 && Character.isLowerCase(label.charAt(1))
        ? Character.toLowerCase(label.charAt(0)) + label.substring(1)
        : label;
  }
}
