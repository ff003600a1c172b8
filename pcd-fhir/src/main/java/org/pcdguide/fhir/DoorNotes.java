package org.pcdguide.fhir;

import java.util.List;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The notes of the FHIR door that other doors must pass on (never fail open): what the door could
 * not read (a Condition code or a drug the terminology map does not know, and no name matched), and
 * what it read by name only. CDS Hooks turns them into cards, so that an empty card list means only
 * "checked, nothing to say". Each note is worded here, once.
 */
public final class DoorNotes {
  private static final String NOT_IN_MAP = " is not in the terminology map";
  private static final String BY_NAME = " matched by name to ";

  private DoorNotes() {}

  /** A Condition whose code the map does not know. */
  static Problem unreadCondition(String path, String shown) {
    return new Problem(path, "code " + shown + NOT_IN_MAP + "; not used", Problem.Kind.NOT_CHECKED);
  }

  /** A drug whose code the map does not know and whose names name no agent. */
  static Problem unreadDrug(String path, String shown) {
    return new Problem(
        path,
        "therapy "
            + shown
            + NOT_IN_MAP
            + " and names no agent of the vocabulary; it was not checked against the agents to"
            + " avoid",
        Problem.Kind.NOT_CHECKED);
  }

  /** A drug read by an ingredient or brand name in its display or text (no mapped code). */
  static Problem byName(String path, String shown, AgentNames.Match match, Vocabulary vocabulary) {
    String how =
        match
            .brand()
            .map(b -> "brand name " + b.name() + ", " + b.source())
            .orElse("ingredient name");
    return new Problem(
        path,
        "therapy "
            + shown
            + BY_NAME
            + vocabulary.agents().get(match.agent()).label()
            + " ("
            + how
            + "; no code in the terminology map): check the match",
        Problem.Kind.MATCHED_BY_NAME);
  }

  /** The notes that say something was not read, in order. */
  public static List<Problem> notChecked(List<Problem> notes) {
    return notes.stream().filter(DoorNotes::notChecked).toList();
  }

  public static boolean notChecked(Problem note) {
    return note.kind() == Problem.Kind.NOT_CHECKED;
  }

  /** Whether a note is about an order (a MedicationRequest or ServiceRequest). */
  public static boolean aboutOrder(Problem note) {
    return note.path().startsWith("MedicationRequest/")
        || note.path().startsWith("ServiceRequest/");
  }

  /** The notes of drugs read by name only. */
  public static List<Problem> matchedByName(List<Problem> notes) {
    return notes.stream().filter(n -> n.kind() == Problem.Kind.MATCHED_BY_NAME).toList();
  }
}
