package org.pcdguide.fhir;

import org.pcdguide.core.render.ReportView;

/**
 * The text of a RequestGroup action: an option that holds only in one branch of an undecided fact
 * (or an unknown treatment phase) says so first, as the report does (issue 14 rule 2).
 */
final class ActionText {
  private ActionText() {}

  static String of(ReportView.Item e) {
    return e.conditional().map(c -> "Conditional: " + c + ". ").orElse("")
        + e.statement()
        + " ("
        + e.strength().word()
        + ")";
  }
}
