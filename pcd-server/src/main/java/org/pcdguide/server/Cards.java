package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.render.ReportView;

/**
 * CDS Hooks cards from an assessment: summary under 140 characters, Markdown detail with the
 * evidence and its grade, indicator, source (label, url of the entry, topic) and a uuid derived
 * from the hook instance and the entry ({@link CardIds}), so that feedback can be linked to it.
 */
final class Cards {
  static final String TOPICS = "https://fhir.pcdguide.org/CodeSystem/knowledge-entry";
  private final KnowledgePack pack;

  /** The evidence part of every entry's card detail, written once per entry. */
  private final CardEvidence evidence = new CardEvidence();

  Cards(KnowledgePack pack) {
    this.pack = pack;
  }

  ArrayNode patientView(Assessment a, CardIds ids, String base, String report) {
    ReportView view = ReportView.forCards(a, pack, false);
    ArrayNode cards = patientView(view, ids, base, report);
    new NotCheckedCards(label(), ids, report).add(cards, a, view, Map.of());
    return cards;
  }

  ArrayNode patientView(ReportView a, CardIds ids, String base, String report) {
    ArrayNode cards = Problems.JSON.createArrayNode();
    a.headline().top().ifPresent(top -> cards.add(card(top, "info", ids, base, report)));
    ConditionalCards.add(cards, a, ids, label(), report);
    for (ReportView.Item p : a.pitfalls()) {
      cards.add(card(p, "warning", ids, base, report));
    }
    for (ReportView.Warning w : a.warnings()) {
      if (w.patient() || w.critical()) {
        // age applicability and clinician-flag cautions (issue 13, rule 8); a conflict between
        // modules (rule 5) is critical, with the reasons a clinician may give for going ahead
        ObjectNode c = cards.addObject();
        c.put("uuid", ids.of(w.id()).toString());
        c.put("summary", shorten(w.statement(), 139));
        c.put("detail", w.statement() + " [" + w.id() + "]");
        c.put("indicator", w.critical() ? "critical" : "warning");
        c.putObject("source").put("label", label());
        reportLink(c.putArray("links"), report);
        if (w.critical()) {
          ArrayNode reasons = c.putArray("overrideReasons");
          overrideReason(
              reasons, "conflict-resolved", "The clinician has decided which disorder governs");
          overrideReason(reasons, "diagnosis-differs", "The working diagnosis differs");
        }
      }
    }
    // screening findings that change management, and what to do after a planned procedure
    for (ReportView.Item s : a.screening()) {
      cards.add(card(s, "warning", ids, base, report));
    }
    for (ReportView.Item p : a.plan()) {
      cards.add(card(p, "info", ids, base, report).put("summary", shorten(p.summary(), 139)));
    }
    if (!a.missingData().isEmpty()) {
      ObjectNode c = cards.addObject();
      c.put("uuid", ids.of("missing-data").toString());
      c.put(
          "summary",
          "Missing data would change the plan: "
              + shorten(
                  String.join(
                      ", ", a.missingData().stream().map(Assessment.MissingData::finding).toList()),
                  90));
      StringBuilder d = new StringBuilder("**Missing data that would change the answer**\n\n");
      for (Assessment.MissingData m : a.missingData()) {
        d.append("- **")
            .append(m.finding())
            .append("**: ")
            .append(m.statement())
            .append(" (holds back ")
            .append(String.join(", ", m.blocks()))
            .append(")\n");
      }
      c.put("detail", d.toString());
      c.put("indicator", "info");
      c.putObject("source").put("label", label());
      reportLink(c.putArray("links"), report);
    }
    return cards;
  }

  ArrayNode orders(
      Assessment a, Map<String, String> orders, CardIds ids, String base, String report) {
    ReportView view = ReportView.forCards(a, pack, true);
    ArrayNode cards = orders(view, orders, ids, base, report);
    String byName = NotCheckedCards.byName(a);
    if (!byName.isEmpty()) {
      // a drug read by name only: every order card says so
      for (com.fasterxml.jackson.databind.JsonNode c : cards) {
        ((ObjectNode) c).put("detail", c.path("detail").asText() + byName);
      }
    }
    new NotCheckedCards(label(), ids, report).add(cards, a, view, orders);
    return cards;
  }

  ArrayNode orders(
      ReportView a, Map<String, String> orders, CardIds ids, String base, String report) {
    ArrayNode cards = Problems.JSON.createArrayNode();
    for (ReportView.Item i : a.avoid()) {
      if (i.proposed().isEmpty()) {
        continue;
      }
      boolean critical = i.severity().orElse(Severity.CRITICAL) == Severity.CRITICAL;
      ObjectNode c = card(i, critical ? "critical" : "warning", ids, base, report);
      c.put(
          "summary",
          shorten(
              (critical ? "Avoid " : "Caution: ")
                  + String.join(", ", i.proposed())
                  + ": "
                  + i.heading(),
              139));
      c.put("selectionBehavior", "any");
      ArrayNode reasons = c.putArray("overrideReasons");
      overrideReason(
          reasons,
          "benefit-outweighs-risk",
          "Benefit judged to outweigh the risk for this patient");
      overrideReason(reasons, "not-first-line", "Not first-line therapy for this patient");
      overrideReason(reasons, "diagnosis-differs", "The working diagnosis differs");
      ArrayNode suggestions = c.putArray("suggestions");
      for (Map.Entry<String, String> o : orders.entrySet()) {
        ReportView.ProposedOrder order = a.proposedOrders().get(o.getValue());
        if (order != null && order.agents().stream().anyMatch(i.proposed()::contains)) {
          ObjectNode s = suggestions.addObject();
          s.put("label", "Remove the draft order for " + order.label());
          s.put("uuid", ids.of(i.id() + "/" + o.getKey()).toString());
          ObjectNode action = s.putArray("actions").addObject();
          action.put("type", "delete");
          action.put("description", "Remove " + o.getKey());
          action.putArray("resourceId").add(o.getKey());
        }
      }
      cards.add(c);
    }
    new OrderCards(label(), ids, report).add(cards, a, orders);
    return cards;
  }

  private ObjectNode card(
      ReportView.Item e, String indicator, CardIds ids, String base, String report) {
    ObjectNode c = Problems.JSON.createObjectNode();
    c.put("uuid", ids.of(e.id()).toString());
    c.put("summary", shorten(e.heading(), 139));
    c.set("detail", detail(e));
    c.put("indicator", indicator);
    ObjectNode source = c.putObject("source");
    source.put("label", label());
    source.put("url", base + "/api/knowledge/" + e.id());
    source
        .putObject("topic")
        .put("system", TOPICS)
        .put("code", e.id())
        .put("display", shorten(e.heading(), 139));
    ArrayNode links = c.putArray("links");
    reportLink(links, report);
    links
        .addObject()
        .put("label", "Knowledge entry " + e.id())
        .put("url", base + "/api/knowledge/" + e.id())
        .put("type", "absolute");
    return c;
  }

  /** A card's links holding only the report link, when there is a report page to link to. */
  static void reportLink(ObjectNode card, String report) {
    if (!report.isEmpty()) {
      reportLink(card.putArray("links"), report);
    }
  }

  /** The clinician page with this patient's full report (the data travel in the URL fragment). */
  private static void reportLink(ArrayNode links, String report) {
    if (!report.isEmpty()) {
      links
          .addObject()
          .put("label", "Full PCD Guide report for this patient")
          .put("url", report)
          .put("type", "absolute");
    }
  }

  private CardDetail detail(ReportView.Item e) {
    CardEvidence.Text evidenceText = evidence.of(e);
    StringBuilder d = new StringBuilder(e.statement().length() + 256);
    d.append(e.statement()).append(" (").append(e.strength().word()).append(")\n\n");
    // an option that holds only in one branch of an undecided fact says so (issue 14, rule 2)
    e.conditional().ifPresent(c -> d.append("**Conditional:** ").append(c).append("\n\n"));
    if (!e.because().isEmpty()) {
      d.append("*Because:* ").append(String.join("; ", e.because())).append("\n\n");
    }
    return new CardDetail(d.toString(), evidenceText);
  }

  private String label() {
    return "PCD Guide knowledge " + pack.version();
  }

  /** One override reason of the PCD Guide override-reason code system. */
  static void overrideReason(ArrayNode reasons, String code, String display) {
    reasons
        .addObject()
        .put("code", code)
        .put("system", TOPICS.replace("knowledge-entry", "override-reason"))
        .put("display", display);
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
  }
}
