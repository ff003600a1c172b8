package org.pcdguide.core.engine;

import java.util.EnumMap;
import java.util.Map;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.EntryKind;

/**
 * The gates of the module whose entries are being considered ({@link Undecided#gate}), one per
 * entry kind: every entry of a kind shares its module's gate, so it is evaluated, and a stated
 * diagnosis let through it, once per module of an assessment instead of once per entry. No fact is
 * settled while a module's entries are considered, so a kept gate stays what it would be again.
 */
final class Gates {
  private final FactContext facts;
  private final Map<EntryKind, Outcome> byKind = new EnumMap<>(EntryKind.class);
  private DisorderModule module;
  private boolean stated;

  Gates(FactContext facts) {
    this.facts = facts;
  }

  /** Module {@code m}'s gate for entries of {@code kind}. */
  Outcome of(DisorderModule m, EntryKind kind, boolean stated) {
    if (m != module || stated != this.stated) {
      module = m;
      this.stated = stated;
      byKind.clear();
    }
    Outcome gate = byKind.get(kind);
    if (gate == null) {
      gate = Undecided.gate(m, kind, stated, facts);
      byKind.put(kind, gate);
    }
    return gate;
  }
}
