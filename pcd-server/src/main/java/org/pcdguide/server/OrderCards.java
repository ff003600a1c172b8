package org.pcdguide.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.pcdguide.core.engine.VerdictKind;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.render.ReportView;

/**
 * Order-select/order-sign cards for the verdicts that are not agents to avoid (those have their own
 * cards): an order that gives an agent two assessed modules disagree on, or that treats a disorder
 * whose label the findings contradict (critical); an order the history shows failed or not
 * tolerated, whose matched option has weak support for this setting, that a screening finding holds
 * until an evaluation is done, that a pitfall that applies speaks against, or that may fall under a
 * class rule the pack's sources cannot settle for it (warning); an order no rule speaks to, or that
 * may hit an agent to avoid once missing data are known (info: checked, and the pack has no rule
 * against it, which is not an endorsement). Nothing drafted passes without an answer.
 */
record OrderCards(String sourceLabel, CardIds ids, String report) {
  private static final List<VerdictKind> WARNINGS =
      List.of(
          VerdictKind.NOT_TOLERATED,
          VerdictKind.FAILED_BEFORE,
          VerdictKind.WEAKLY_SUPPORTED,
          VerdictKind.EVALUATE_FIRST,
          VerdictKind.AGAINST_PITFALL);
  // issue 13 rules 5 and 6: critical in their own right, not a caution on one component
  private static final List<VerdictKind> CRITICAL =
      List.of(VerdictKind.MODULE_CONFLICT, VerdictKind.LABEL_CONTRADICTED);

  void add(ArrayNode cards, ReportView a, Map<String, String> orders) {
    for (Map.Entry<String, String> o : orders.entrySet()) {
      ReportView.ProposedOrder order = a.proposedOrders().get(o.getValue());
      if (order == null) {
        continue;
      }
      for (ReportView.Verdict v : order.verdicts()) {
        boolean mayHit = v.kind() == VerdictKind.MAY_HIT_AVOID;
        if (CRITICAL.contains(v.kind())) {
          cards.add(card(o.getKey(), order, v, "critical"));
        } else if (WARNINGS.contains(v.kind())
            || (mayHit && v.severity().orElse(Severity.CAUTION) == Severity.WARNING)) {
          cards.add(card(o.getKey(), order, v, "warning"));
        } else if (v.kind() == VerdictKind.UNCHECKED || mayHit) {
          cards.add(card(o.getKey(), order, v, "info"));
        }
      }
    }
  }

  private ObjectNode card(
      String resourceId, ReportView.ProposedOrder order, ReportView.Verdict v, String indicator) {
    ObjectNode c = Problems.JSON.createObjectNode();
    c.put("uuid", ids.of(v.kind().word() + "/" + resourceId).toString());
    c.put("summary", Cards.shorten(order.label() + ": " + v.statement(), 139));
    StringBuilder d = new StringBuilder();
    d.append("**").append(order.label()).append("** ").append(v.statement()).append(".\n\n");
    if (!v.because().isEmpty()) {
      d.append("*Because:* ").append(String.join("; ", v.because())).append("\n");
    }
    c.put("detail", d.toString());
    c.put("indicator", indicator);
    c.putObject("source").put("label", sourceLabel);
    Cards.reportLink(c, report);
    if (!indicator.equals("info")) {
      c.put("selectionBehavior", "any");
      ArrayNode reasons = c.putArray("overrideReasons");
      Cards.overrideReason(
          reasons,
          "benefit-outweighs-risk",
          "Benefit judged to outweigh the risk for this patient");
      if (v.kind() == VerdictKind.EVALUATE_FIRST) {
        Cards.overrideReason(
            reasons, "evaluation-done", "The evaluation the finding asks for has been done");
      } else if (v.kind() == VerdictKind.MODULE_CONFLICT) {
        Cards.overrideReason(
            reasons, "conflict-resolved", "The clinician has decided which disorder governs");
      } else if (v.kind() == VerdictKind.LABEL_CONTRADICTED) {
        Cards.overrideReason(
            reasons, "diagnosis-confirmed", "The diagnosis is confirmed by findings not on record");
      } else {
        Cards.overrideReason(
            reasons, "history-differs", "The history on record is incomplete or differs");
      }
      ObjectNode s = c.putArray("suggestions").addObject();
      s.put("label", "Remove the draft order for " + order.label());
      s.put("uuid", ids.of(v.kind().word() + "/remove/" + resourceId).toString());
      ObjectNode action = s.putArray("actions").addObject();
      action.put("type", "delete");
      action.put("description", "Remove " + resourceId);
      action.putArray("resourceId").add(resourceId);
    }
    return c;
  }
}
