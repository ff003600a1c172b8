package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The missing findings of one assessment, by finding, with the facts and entries each decides. */
final class MissingDataList {
  private final Map<String, Builder> missing = new TreeMap<>();

  void add(Outcome outcome, String entryId) {
    for (Outcome.Gap g : outcome.gaps()) {
      // a fact no input decides (the gap names the fact itself): the clinician decides
      String statement =
          g.finding().finding().equals(g.fact())
              ? "no sourced rule: clinician decision (" + g.finding().statement() + ")"
              : g.finding().statement();
      Builder b = missing.computeIfAbsent(g.finding().finding(), k -> new Builder(k, statement));
      b.decides.add(g.fact());
      b.blocks.add(entryId);
    }
  }

  /**
   * The missing findings, those that hold back most of the answer first (issue 14, rule 3): the
   * ones deciding a diagnosis ({@code criteriaFacts}), then those deciding the best-ranked
   * conditional option ({@code firstOption}), then by how many entries each holds back, then by
   * name.
   */
  List<Assessment.MissingData> list(Set<String> criteriaFacts, Optional<String> firstOption) {
    List<Builder> ordered = new ArrayList<>(missing.values());
    for (Builder b : ordered) {
      b.criteria = 1;
      for (String fact : b.decides) {
        if (criteriaFacts.contains(fact)) {
          b.criteria = 0;
          break;
        }
      }
      b.first = firstOption.isPresent() && b.blocks.contains(firstOption.get()) ? 0 : 1;
    }
    // a stable sort: equal keys stay in name order
    ordered.sort(
        (a, b) ->
            a.criteria != b.criteria
                ? Integer.compare(a.criteria, b.criteria)
                : a.first != b.first
                    ? Integer.compare(a.first, b.first)
                    : Integer.compare(b.blocks.size(), a.blocks.size()));
    List<Assessment.MissingData> out = new ArrayList<>();
    for (Builder b : ordered) {
      out.add(
          new Assessment.MissingData(
              b.finding, String.join(", ", b.decides), b.statement, new ArrayList<>(b.blocks)));
    }
    return out;
  }

  private static final class Builder {
    final String finding;
    final String statement;
    final Set<String> decides = new TreeSet<>();
    final Set<String> blocks = new LinkedHashSet<>();

    /** Sort keys of {@link #list}: 0 when it decides a diagnosis, 0 when it blocks the first. */
    int criteria;

    int first;

    Builder(String finding, String statement) {
      this.finding = finding;
      this.statement = statement;
    }
  }
}
