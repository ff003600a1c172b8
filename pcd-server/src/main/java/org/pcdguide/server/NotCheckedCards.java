package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.pcdguide.core.cases.Problem;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Warning;
import org.pcdguide.core.render.ReportView;
import org.pcdguide.fhir.DoorNotes;

/**
 * Never fail open (issue 14): what the FHIR door could not read is a card, so that an empty card
 * list means only "checked, nothing to say". An order PCD Guide could not read (a drug whose code
 * the terminology map does not know and whose names name no agent) is a warning card of its own: it
 * was not checked against the agents to avoid. A draft order read as a therapy but not as proposed
 * (its status or intent) is a warning card too. Condition codes the map does not know are one info
 * card listing them (the patient's diagnosis may be among them).
 */
record NotCheckedCards(String sourceLabel, CardIds ids, String report) {

  /** The door's notes, as the assessment carries them (input notes), in order. */
  static List<Problem> notes(Assessment a) {
    List<Problem> notes = new ArrayList<>();
    for (Warning w : a.warnings()) {
      if (w instanceof Warning.InputNote n) {
        notes.add(new Problem(n.path(), n.message(), n.kind()));
      }
    }
    return notes;
  }

  /** The lines that say a drug was read by name only ("matched by name"), for an order card. */
  static String byName(Assessment a) {
    StringBuilder d = new StringBuilder();
    for (Problem p : DoorNotes.matchedByName(notes(a))) {
      d.append("\n*Matched by name:* ").append(p.path()).append(": ").append(p.message());
      d.append("\n");
    }
    return d.toString();
  }

  /** The field ending a note's path: {@code MedicationRequest/m3.medication} names the order. */
  private static final Pattern ORDER_FIELD = Pattern.compile("\\.(medication|code)$");

  void add(ArrayNode cards, Assessment a, ReportView view, Map<String, String> orders) {
    List<Problem> unread = DoorNotes.notChecked(notes(a));
    for (Problem p : unread) {
      if (DoorNotes.aboutOrder(p)) {
        String resource = ORDER_FIELD.matcher(p.path()).replaceFirst("");
        cards.add(
            card(
                "not-checked/" + resource,
                "Not checked: " + resource + " is not a drug PCD Guide can read",
                "**Not checked.** " + p.path() + ": " + p.message() + ".",
                "warning"));
      }
    }
    for (Map.Entry<String, String> o : orders.entrySet()) {
      if (!view.proposedOrders().containsKey(o.getValue())) {
        cards.add(
            card(
                "not-checked/" + o.getKey(),
                "Not checked: " + o.getKey() + " (" + o.getValue() + ") is not a proposed order",
                "**Not checked.** "
                    + o.getKey()
                    + " reads as "
                    + o.getValue()
                    + ", but its status or intent does not make it a proposed order (status"
                    + " draft or active; intent proposal, plan, order or option), so it was not"
                    + " checked against the agents to avoid.",
                "warning"));
      }
    }
    List<Problem> other = unread.stream().filter(p -> !DoorNotes.aboutOrder(p)).toList();
    if (!other.isEmpty()) {
      StringBuilder d =
          new StringBuilder(
              "**Not checked.** PCD Guide could not read these records; a diagnosis or finding"
                  + " among them was not assessed:\n\n");
      for (Problem p : other) {
        d.append("- ").append(p.path()).append(": ").append(p.message()).append("\n");
      }
      cards.add(
          card(
              "not-checked/records",
              "Not checked: "
                  + other.size()
                  + (other.size() == 1 ? " record" : " records")
                  + " with codes PCD Guide does not read",
              d.toString(),
              "info"));
    }
  }

  private ObjectNode card(String key, String summary, String detail, String indicator) {
    ObjectNode c = Problems.JSON.createObjectNode();
    c.put("uuid", ids.of(key).toString());
    c.put("summary", Cards.shorten(summary, 139));
    c.put("detail", detail);
    c.put("indicator", indicator);
    c.putObject("source").put("label", sourceLabel);
    Cards.reportLink(c, report);
    return c;
  }
}
