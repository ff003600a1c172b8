package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The missing findings of one assessment, by finding, with the facts and entries each decides. */
final class MissingDataList {
  private final Map<String, Builder> missing = new TreeMap<>();

  void add(Outcome outcome, String entryId) {
    for (Outcome.Gap g : outcome.gaps()) {
      Builder b =
          missing.computeIfAbsent(
              g.finding().finding(), k -> new Builder(k, g.finding().statement()));
      b.decides.add(g.fact());
      b.blocks.add(entryId);
    }
  }

  List<Assessment.MissingData> list() {
    List<Assessment.MissingData> out = new ArrayList<>();
    for (Builder b : missing.values()) {
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

    Builder(String finding, String statement) {
      this.finding = finding;
      this.statement = statement;
    }
  }
}
