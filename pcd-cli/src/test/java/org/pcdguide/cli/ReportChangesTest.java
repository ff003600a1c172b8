package org.pcdguide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcdguide.cli.ReportChange.Kind;

/**
 * How {@code pcd audit impact} words a report's changes: each recommendation and avoid entry by its
 * id and title, ranks before and after, and nothing for what only names the pack.
 */
class ReportChangesTest {
  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text.replace('\'', '"'));
  }

  private static final String BEFORE =
      "{'knowledge': {'hash': 'sha256:1'}, 'summary': [1],"
          + " 'headline': {'id': 'A', 'statement': 'Give A.'},"
          + " 'recommendations': [{'id': 'A', 'rank': 1, 'title': 'Option A', 'statement': 'Give A.'},"
          + " {'id': 'B', 'rank': 2, 'title': 'Option B', 'statement': 'Give B.'}],"
          + " 'avoid': [{'id': 'X', 'title': 'Drug X'}], 'monitoring': [], 'proposed-orders': []}";

  @Test
  void between_namesAddedRemovedRerankedAndAvoidChanges_byIdAndTitle() throws Exception {
    JsonNode after =
        json(
            "{'knowledge': {'hash': 'sha256:2'}, 'summary': [2],"
                + " 'headline': {'id': 'B', 'statement': 'Give B.'},"
                + " 'recommendations': [{'id': 'B', 'rank': 1, 'title': 'Option B',"
                + " 'statement': 'Give B.'}, {'id': 'C', 'rank': 2, 'title': 'Option C',"
                + " 'statement': 'Give C.'}],"
                + " 'avoid': [{'id': 'Y', 'title': 'Drug Y'}], 'monitoring': [{'id': 'M'}],"
                + " 'proposed-orders': []}");
    List<ReportChange> changes = ReportChanges.between(json(BEFORE), after);
    assertThat(changes)
        .containsExactly(
            new ReportChange(Kind.HEADLINE, "A \"Give A.\" -> B \"Give B.\""),
            new ReportChange(Kind.RECOMMENDATION_REMOVED, "A Option A"),
            new ReportChange(Kind.RECOMMENDATION_RERANKED, "B Option B: rank 2 -> 1"),
            new ReportChange(Kind.RECOMMENDATION_ADDED, "C Option C (rank 2)"),
            new ReportChange(Kind.AVOID_REMOVED, "X Drug X"),
            new ReportChange(Kind.AVOID_ADDED, "Y Drug Y"),
            new ReportChange(Kind.OTHER, "monitoring"));
  }

  @Test
  void between_anotherPackHashAndSummaryOnly_isNoChange() throws Exception {
    JsonNode after =
        json(
            BEFORE.replace("'sha256:1'", "'sha256:2'").replace("'summary': [1]", "'summary': [3]"));
    assertThat(ReportChanges.between(json(BEFORE), after)).isEmpty();
  }
}
