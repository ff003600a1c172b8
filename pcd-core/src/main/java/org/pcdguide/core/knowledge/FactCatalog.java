package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The facts a pack's conditions may name, with their types, as the pack loader checks them. A port:
 * the fact registry (org.pcdguide.core.facts) implements it, so that the knowledge package does not
 * depend on how facts are derived.
 */
public interface FactCatalog {
  /** The fact of this name, for a pack with this vocabulary ({@code finding.<id>} families). */
  Optional<? extends Signature> lookup(String name, Vocabulary vocabulary);

  /** The thresholds the facts read from the pack; the loader checks that a module declares them. */
  List<String> requiredThresholds();

  /** What the loader needs to know of a fact: its name, type and allowed values (enums). */
  interface Signature {
    String name();

    FactType type();

    List<String> values();
  }
}
