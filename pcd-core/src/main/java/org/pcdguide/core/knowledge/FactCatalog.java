package org.pcdguide.core.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the pack loader needs from the packages above it: the facts a pack's conditions may name,
 * with their types, and the case reader's verdict on an entry's example. A port: the fact registry
 * (org.pcdguide.core.facts) implements it, so that the knowledge package depends neither on how
 * facts are derived nor on how a case file is read.
 */
public interface FactCatalog {
  /** The fact of this name, for a pack with this vocabulary ({@code finding.<id>} families). */
  Optional<? extends Signature> lookup(String name, Vocabulary vocabulary);

  /** The thresholds the facts read from the pack; the loader checks that a module declares them. */
  List<String> requiredThresholds();

  /**
   * The problems of an example's case file ({@code pcd-case: 1}, assessed as of {@code asOf}), each
   * {@code "path: message"} as the case reader words it; none when the case is valid.
   */
  List<String> caseProblems(String document, LocalDate asOf, Vocabulary vocabulary);

  /** What the loader needs to know of a fact: its name, type and allowed values (enums). */
  interface Signature {
    String name();

    FactType type();

    List<String> values();
  }
}
