package org.pcdguide.core.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The criteria a pack declares for one criteria fact ({@code criterion: {fact, group}} on the
 * diagnostic entries of every module naming that fact), by group, in pack order. It is the one
 * declaration: the engine evaluates it, the report displays it and the fact table documents it.
 */
public record CriteriaDeclaration(
    String criteriaFact, List<String> mandatory, List<String> major, List<String> minor) {
  /** The groups a criterion may declare, in the order they are evaluated and traced. */
  public static final List<String> GROUPS = List.of("mandatory", "major", "minor");

  public CriteriaDeclaration {
    mandatory = List.copyOf(mandatory);
    major = List.copyOf(major);
    minor = List.copyOf(minor);
  }

  /**
   * The declarations of the last pack asked about (a pack is immutable; one is served at a time).
   */
  private static volatile Cached cached;

  private record Cached(
      KnowledgePack pack, java.util.concurrent.ConcurrentMap<String, CriteriaDeclaration> byFact) {}

  public static CriteriaDeclaration of(KnowledgePack pack, String criteriaFact) {
    Cached c = cached;
    if (c == null || c.pack() != pack) {
      c = new Cached(pack, new java.util.concurrent.ConcurrentHashMap<>());
      cached = c;
    }
    CriteriaDeclaration d = c.byFact().get(criteriaFact);
    if (d == null) {
      d = declared(pack, criteriaFact);
      c.byFact().put(criteriaFact, d);
    }
    return d;
  }

  private static CriteriaDeclaration declared(KnowledgePack pack, String criteriaFact) {
    List<List<String>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (DisorderModule m : pack.modules()) {
      if (!m.criteriaFact().equals(criteriaFact)) {
        continue;
      }
      for (Entry e : m.entries()) {
        if (e instanceof DiagnosticEntry d && d.criterion().isPresent()) {
          Entry.Criterion c = d.criterion().get();
          int at = GROUPS.indexOf(c.group());
          if (at >= 0 && !groups.get(at).contains(c.fact())) {
            groups.get(at).add(c.fact());
          }
        }
      }
    }
    return new CriteriaDeclaration(criteriaFact, groups.get(0), groups.get(1), groups.get(2));
  }

  /** The group that declares this criterion, if any. */
  public Optional<String> groupOf(String fact) {
    return mandatory.contains(fact)
        ? Optional.of("mandatory")
        : major.contains(fact)
            ? Optional.of("major")
            : minor.contains(fact) ? Optional.of("minor") : Optional.empty();
  }

  /** Every criterion required, none counted: no major or minor group is declared. */
  public boolean allRequired() {
    return major.isEmpty() && minor.isEmpty();
  }
}
