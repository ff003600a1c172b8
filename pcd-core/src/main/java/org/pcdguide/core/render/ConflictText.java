package org.pcdguide.core.render;

import java.util.stream.Collectors;
import org.pcdguide.core.engine.Warning;
import org.pcdguide.core.knowledge.Entry;

/** The wording of a conflict between modules (issue 13 rule 5), once, for every output. */
final class ConflictText {
  private ConflictText() {}

  static String statement(Warning.ModuleConflict c) {
    String both =
        c.optionModule()
            + " recommends "
            + c.option().heading()
            + " ["
            + c.option().id()
            + "; "
            + sources(c.option())
            + "] while "
            + c.avoidModule()
            + " says to avoid "
            + String.join(", ", c.agents())
            + " ["
            + c.avoid().id()
            + "; "
            + sources(c.avoid())
            + "]";
    if (c.certain()) {
      return "CRITICAL: modules conflict: "
          + both
          + ". No source settles which applies to a patient meeting both criteria; the avoid"
          + " entry holds until the clinician decides, so "
          + c.option().id()
          + " is not offered as a recommendation. Both entries are shown.";
    }
    return "CAUTION: possible conflict between modules: "
        + both
        + ". The "
        + c.avoidModule()
        + " criteria are not yet decided (see the differential and the missing data); if they"
        + " are met, the avoid entry holds until the clinician decides.";
  }

  /** The headline flag of a certain conflict. */
  static String flag(Warning.ModuleConflict c) {
    return "CRITICAL: modules conflict on "
        + String.join(", ", c.agents())
        + ": "
        + c.option().id()
        + " ("
        + c.optionModule()
        + ", "
        + ids(c.option())
        + ") recommends it, "
        + c.avoid().id()
        + " ("
        + c.avoidModule()
        + ", "
        + ids(c.avoid())
        + ") says to avoid it; the avoid entry holds until the clinician decides";
  }

  private static String ids(Entry e) {
    return e.evidence().stream()
        .map(ev -> ev.source())
        .distinct()
        .collect(Collectors.joining(", "));
  }

  private static String sources(Entry e) {
    return e.evidence().stream()
        .map(ev -> ev.source() + " " + ev.locator())
        .distinct()
        .collect(Collectors.joining(", "));
  }
}
