package org.pcdguide.core.facts;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The fact definitions of one vocabulary, looked up once per name and kept: every assessment asks
 * for the same few dozen facts. Only names the registry knows are kept (the fixed facts and the
 * vocabulary's own {@code finding.*}), so input cannot grow the map.
 */
final class FactDefs {
  private static volatile FactDefs last;

  private final Vocabulary vocabulary;
  private final ConcurrentMap<String, FactDef> defs = new ConcurrentHashMap<>();

  private FactDefs(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The definition of fact {@code name}; an unknown name is a programming error of the pack. */
  static FactDef of(Vocabulary vocabulary, String name) {
    FactDefs d = last;
    if (d == null || d.vocabulary != vocabulary) {
      d = new FactDefs(vocabulary);
      last = d;
    }
    FactDef def = d.defs.get(name);
    if (def == null) {
      def =
          FactRegistry.lookup(name, vocabulary)
              .orElseThrow(() -> new IllegalArgumentException("unknown fact " + name));
      d.defs.put(name, def);
    }
    return def;
  }
}
