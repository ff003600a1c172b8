package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.EntryKind;

/** Builds the {@link ReportView} CDS Hooks cards are made from ({@link ReportView#forCards}). */
final class CardViews {
  private CardViews() {}

  /**
   * The parts of a report view ({@link ReportViews#report}) that CDS Hooks cards show ({@link
   * ReportView#forCards}): the headline without its flags, the recommendations up to the headline's
   * (all of them when the answer splits into branches); of the entries to avoid, those a proposed
   * order hits; of the warnings, those a card shows (per-patient checks and certain conflicts); the
   * proposed orders only for {@code orderSign} (patient-view cards show none).
   */
  static ReportView of(ReportViews views, Assessment a, boolean orderSign) {
    if (orderSign) {
      views.prepare(a);
    } else {
      views.prepareUnworded(a);
    }
    List<ReportView.Item> recommendations = headlineItems(views, a.recommendations());
    List<Assessment.AvoidItem> proposed = new ArrayList<>();
    for (Assessment.AvoidItem v : a.avoid()) {
      if (!v.proposed().isEmpty()) {
        proposed.add(v);
      }
    }
    return new ReportView(
        a.caseId(),
        a.asOf(),
        a.knowledgeVersion(),
        a.knowledgeHash(),
        Headlines.lead(a, recommendations, views.pack()),
        Optional.empty(),
        List.of(),
        a.extent(),
        List.of(),
        a.modules(),
        Map.of(),
        recommendations,
        views.items(proposed),
        views.items(a.pitfalls()),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        a.missingData(),
        WarningText.cardViews(a),
        List.of(),
        views.orders(),
        views.items(a.screening()),
        views.items(a.plan()));
  }

  /**
   * The recommendations up to the first disease-directed one, which the headline shows; all of them
   * when that one holds only in a branch of an undecided finding (the headline then names every
   * branch).
   */
  private static List<ReportView.Item> headlineItems(
      ReportViews views, List<Assessment.Recommendation> all) {
    List<ReportView.Item> out = new ArrayList<>();
    boolean branches = false;
    for (Assessment.Recommendation r : all) {
      ReportView.Item i = views.item(r);
      out.add(i);
      if (!branches && i.kind() != EntryKind.SUPPORTIVE) {
        if (!BranchHeadline.branch(i)) {
          break;
        }
        branches = true;
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }
}
