package org.pcdguide.core.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * The agents an option, a follow-on step, a therapy of the history or an order gives, as an
 * immutable set, computed once per vocabulary: the same few sets are asked for on every call. Sets
 * for ids the pack does not know (free-text orders) are computed but kept only up to a bound, so
 * that input cannot grow the cache.
 */
final class AgentSets {
  private static final int MAX_KEPT = 4096;
  private static volatile AgentSets last;

  private final Vocabulary vocabulary;
  private final Map<Key, Set<String>> sets = new ConcurrentHashMap<>();

  private record Key(List<String> agents, Optional<String> regimen) {}

  private AgentSets(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  static AgentSets of(Vocabulary vocabulary) {
    AgentSets s = last;
    if (s == null || s.vocabulary != vocabulary) {
      s = new AgentSets(vocabulary);
      last = s;
    }
    return s;
  }

  /** The agents of a list of agents or regimens plus a regimen's own. */
  Set<String> of(List<String> agents, Optional<String> regimen) {
    Key key = new Key(agents, regimen);
    Set<String> set = sets.get(key);
    if (set == null) {
      Set<String> all = new LinkedHashSet<>(agents);
      regimen.ifPresent(r -> all.addAll(vocabulary.agentsOf(r)));
      set = java.util.Collections.unmodifiableSet(all);
      if (sets.size() < MAX_KEPT) {
        sets.put(key, set);
      }
    }
    return set;
  }

  /** The agents of one regimen or agent id. */
  Set<String> of(String id) {
    return of(List.of(), Optional.of(id));
  }
}
