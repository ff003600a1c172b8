package org.pcdguide.core.facts;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Threshold;

/**
 * The sourced thresholds of one pack by id, and the citation a trace gives each ("(id: sources)"),
 * found once and kept: the fact functions read the same few on every assessment. Ids come from the
 * fact functions, never from input, so the maps stay small.
 */
final class PackThresholds {
  private static volatile PackThresholds last;

  private final KnowledgePack pack;
  private final ConcurrentMap<String, Threshold> byId = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> citations = new ConcurrentHashMap<>();

  private PackThresholds(KnowledgePack pack) {
    this.pack = pack;
  }

  static PackThresholds of(KnowledgePack pack) {
    PackThresholds t = last;
    if (t == null || t.pack != pack) {
      t = new PackThresholds(pack);
      last = t;
    }
    return t;
  }

  /** A threshold the pack must declare (checked when the pack is loaded). */
  Threshold threshold(String id) {
    Threshold t = byId.get(id);
    if (t == null) {
      t =
          pack.threshold(id)
              .orElseThrow(() -> new IllegalStateException("the pack declares no threshold " + id));
      byId.put(id, t);
    }
    return t;
  }

  /** " (id: source, source)", the citation a fact's trace appends. */
  String citation(Threshold t) {
    String c = citations.get(t.id());
    if (c == null) {
      c =
          " ("
              + t.id()
              + ": "
              + t.evidence().stream()
                  .map(Evidence::source)
                  .distinct()
                  .collect(Collectors.joining(", "))
              + ")";
      citations.put(t.id(), c);
    }
    return c;
  }
}
