package org.pcdguide.core.engine;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.KnowledgePack;

/**
 * What depends on one entry of the pack alone (its support level, whether it fits a setting, the
 * agents an avoid entry names), computed once per pack and entry and shared by every assessment:
 * the values are immutable and keyed by entry id, so the pack bounds the memo.
 */
final class PackMemo {
  private static volatile PackMemo last;

  private final KnowledgePack pack;
  private final Map<String, Map<String, Object>> values = new ConcurrentHashMap<>();

  private PackMemo(KnowledgePack pack) {
    this.pack = pack;
  }

  static PackMemo of(KnowledgePack pack) {
    PackMemo m = last;
    if (m == null || m.pack != pack) {
      m = new PackMemo(pack);
      last = m;
    }
    return m;
  }

  /** The value {@code what} of entry {@code e}, computed once ({@code what} names the kind). */
  @SuppressWarnings("unchecked") // each key's value is only ever computed by one function
  <T> T get(String what, Entry e, Function<Entry, T> compute) {
    Map<String, Object> kind = values.get(what);
    if (kind == null) {
      kind = values.computeIfAbsent(what, w -> new ConcurrentHashMap<>());
    }
    Object v = kind.get(e.id());
    if (v == null) {
      v = compute.apply(e);
      kind.put(e.id(), v);
    }
    return (T) v;
  }

  /** An immutable copy of a set to keep in the memo. */
  static Set<String> frozen(Set<String> set) {
    return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(set));
  }
}
