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
  private final Map<String, Set<String>> byId = new ConcurrentHashMap<>();

  /**
   * The pack's lists are immutable and asked for again and again: the key compares the list by
   * identity (no element-wise hashing on every call) and the regimen by value.
   */
  private static final class Key {
    private final List<String> agents;
    private final Optional<String> regimen;
    private final int hash;

    Key(List<String> agents, Optional<String> regimen) {
      this.agents = agents;
      this.regimen = regimen;
      this.hash = System.identityHashCode(agents) * 31 + regimen.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.agents == agents && k.regimen.equals(regimen);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

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
    if (agents.isEmpty() && regimen.isPresent()) {
      return of(regimen.get());
    }
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
    Set<String> set = byId.get(id);
    if (set == null) {
      set = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(vocabulary.agentsOf(id)));
      if (byId.size() < MAX_KEPT) {
        byId.put(id, set);
      }
    }
    return set;
  }
}
