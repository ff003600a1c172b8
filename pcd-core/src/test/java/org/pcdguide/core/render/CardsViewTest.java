package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.engine.Assessment;

/**
 * CDS Hooks cards are built from {@link ReportView#forCards}, which skips what cards never show.
 * Over every acceptance and golden case, what a card can show (the headline's top option and
 * statement, the recommendations up to it, the avoid entries a proposed order hits, pitfalls, the
 * per-patient and conflict warnings, screening findings, plan items, missing data and, on
 * order-sign cards, the proposed-order dispositions) is exactly what the full report view holds: a
 * card never says less than the report it links to.
 */
class CardsViewTest {
  @Test
  void forCards_everyCase_holdsWhatTheFullViewHoldsInEveryPartACardShows() throws IOException {
    Map<String, Assessment> all = SummaryBlockTest.assessments();
    assertThat(all).hasSizeGreaterThan(40);
    all.forEach(
        (name, a) -> {
          ReportView full = ReportView.of(a, TestPack.PACK);
          for (boolean orderSign : new boolean[] {true, false}) {
            String as = name + (orderSign ? " (order-sign)" : " (patient-view)");
            ReportView cards = ReportView.forCards(a, TestPack.PACK, orderSign);
            assertThat(cards.headline().top()).as(as).isEqualTo(full.headline().top());
            assertThat(cards.headline().id()).as(as).isEqualTo(full.headline().id());
            assertThat(cards.headline().statement()).as(as).isEqualTo(full.headline().statement());
            assertThat(cards.headline().flags()).as(as).isEmpty();
            // the recommendations up to the headline's, or all when the answer splits
            List<ReportView.Item> recommendations = full.recommendations();
            assertThat(recommendations)
                .as(as)
                .startsWith(cards.recommendations().toArray(ReportView.Item[]::new));
            full.headline()
                .top()
                .ifPresent(
                    top ->
                        assertThat(cards.recommendations())
                            .as(as)
                            .endsWith(top)
                            .doesNotHaveDuplicates());
            if (full.headline().top().isEmpty()) {
              boolean branches =
                  recommendations.stream()
                      .anyMatch(
                          i ->
                              i.kind() != org.pcdguide.core.knowledge.EntryKind.SUPPORTIVE
                                  && i.conditional().isPresent());
              if (branches) {
                assertThat(cards.recommendations())
                    .as(as)
                    .containsAll(
                        recommendations.stream().filter(i -> i.conditional().isPresent()).toList());
              }
            }
            // of the entries to avoid, the ones a proposed order hits (the only ones a card shows)
            assertThat(cards.avoid())
                .as(as)
                .isEqualTo(full.avoid().stream().filter(i -> !i.proposed().isEmpty()).toList());
            assertThat(cards.pitfalls()).as(as).isEqualTo(full.pitfalls());
            // of the warnings, the per-patient checks and certain conflicts
            assertThat(cards.warnings())
                .as(as)
                .isEqualTo(
                    full.warnings().stream().filter(w -> w.patient() || w.critical()).toList());
            assertThat(cards.screening()).as(as).isEqualTo(full.screening());
            assertThat(cards.plan()).as(as).isEqualTo(full.plan());
            assertThat(cards.missingData()).as(as).isEqualTo(full.missingData());
            assertThat(cards.proposedOrders())
                .as(as)
                .isEqualTo(orderSign ? full.proposedOrders() : Map.of());
          }
        });
  }
}
