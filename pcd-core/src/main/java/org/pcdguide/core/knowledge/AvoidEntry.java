package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * An agent or approach to avoid, with its severity. {@code onlyWhenAlone}: the entry speaks only to
 * the agents given without another systemic agent (e.g. steroids alone). {@code byAttribute}: the
 * entry also names a class of agents by a cited attribute (e.g. {@code neurotoxicity: high}).
 */
public record AvoidEntry(
    Basis basis,
    List<String> agents,
    Optional<String> regimen,
    Severity severity,
    boolean onlyWhenAlone,
    Optional<AttributeClass> byAttribute)
    implements Entry {
  public AvoidEntry {
    agents = List.copyOf(agents);
  }

  public AvoidEntry(
      Basis basis,
      List<String> agents,
      Optional<String> regimen,
      Severity severity,
      boolean onlyWhenAlone) {
    this(basis, agents, regimen, severity, onlyWhenAlone, Optional.empty());
  }
}
