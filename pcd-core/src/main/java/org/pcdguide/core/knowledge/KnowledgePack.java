package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated knowledge pack: version, content hash, sources, vocabulary, disorder modules, seed
 * coverage, the population screening rules, and the entries' examples by entry id (beside the
 * entries: they document a rule and are not part of it, nor of the hash).
 */
public record KnowledgePack(
    String version,
    String hash,
    Map<String, Source> sources,
    Vocabulary vocabulary,
    List<DisorderModule> modules,
    Map<String, String> texts,
    List<SeedCoverage> coverage,
    List<ScreeningRule> screening,
    Map<String, List<EntryExample>> examples) {

  public KnowledgePack {
    sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    modules = List.copyOf(modules);
    texts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(texts));
    coverage = List.copyOf(coverage);
    screening = List.copyOf(screening);
    Map<String, List<EntryExample>> copy = new java.util.LinkedHashMap<>();
    examples.forEach((id, list) -> copy.put(id, List.copyOf(list)));
    examples = java.util.Collections.unmodifiableMap(copy);
  }

  /** The examples of entry {@code id}, in file order; none when it has none. */
  public List<EntryExample> examples(String id) {
    return examples.getOrDefault(id, List.of());
  }

  public Optional<Entry> entry(String id) {
    EntryIndex index = lastIndex;
    if (index == null || index.pack() != this) {
      index = new EntryIndex(this, entriesById());
      lastIndex = index;
    }
    return Optional.ofNullable(index.byId().get(id));
  }

  /** Every entry by id, the first of an id winning: screening rules, then module by module. */
  private Map<String, Entry> entriesById() {
    Map<String, Entry> byId = new java.util.HashMap<>();
    for (Entry e : screening) {
      byId.putIfAbsent(e.id(), e);
    }
    for (DisorderModule m : modules) {
      for (Entry e : m.entries()) {
        byId.putIfAbsent(e.id(), e);
      }
    }
    return java.util.Collections.unmodifiableMap(byId);
  }

  /** The entry index of the pack last looked up (a pack is immutable; the server has one). */
  private record EntryIndex(KnowledgePack pack, Map<String, Entry> byId) {}

  private static volatile EntryIndex lastIndex;

  /** A sourced threshold by id, from whichever module declares it. */
  public Optional<Threshold> threshold(String id) {
    for (DisorderModule m : modules) {
      Threshold t = m.thresholds().get(id);
      if (t != null) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public Source source(String id) {
    Source s = sources.get(id);
    if (s == null) {
      throw new IllegalArgumentException("unknown source " + id);
    }
    return s;
  }
}
