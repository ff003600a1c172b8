package org.pcdguide.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcdguide.core.TestPack;
import org.pcdguide.core.engine.Assessment;

/**
 * CDS Hooks cards are built from {@link ReportView#forCards}, which skips what cards never show.
 * Over every acceptance and golden case, what a card can show (the headline, recommendations, the
 * avoid entries a proposed order hits, pitfalls, the per-patient and conflict warnings, screening
 * findings, plan items, missing data and proposed-order dispositions) is exactly what the full
 * report view holds: a card never says less than the report it links to.
 */
class CardsViewTest {
  @Test
  void forCards_everyCase_holdsWhatTheFullViewHoldsInEveryPartACardShows() throws IOException {
    Map<String, Assessment> all = SummaryBlockTest.assessments();
    assertThat(all).hasSizeGreaterThan(40);
    all.forEach(
        (name, a) -> {
          ReportView full = ReportView.of(a, TestPack.PACK);
          ReportView cards = ReportView.forCards(a, TestPack.PACK);
          assertThat(cards.headline()).as(name).isEqualTo(full.headline());
          assertThat(cards.recommendations()).as(name).isEqualTo(full.recommendations());
          // of the entries to avoid, the ones a proposed order hits (the only ones a card shows)
          assertThat(cards.avoid())
              .as(name)
              .isEqualTo(full.avoid().stream().filter(i -> !i.proposed().isEmpty()).toList());
          assertThat(cards.pitfalls()).as(name).isEqualTo(full.pitfalls());
          // of the warnings, the per-patient checks and certain conflicts
          assertThat(cards.warnings())
              .as(name)
              .isEqualTo(
                  full.warnings().stream().filter(w -> w.patient() || w.critical()).toList());
          assertThat(cards.screening()).as(name).isEqualTo(full.screening());
          assertThat(cards.plan()).as(name).isEqualTo(full.plan());
          assertThat(cards.missingData()).as(name).isEqualTo(full.missingData());
          assertThat(cards.proposedOrders()).as(name).isEqualTo(full.proposedOrders());
        });
  }
}
