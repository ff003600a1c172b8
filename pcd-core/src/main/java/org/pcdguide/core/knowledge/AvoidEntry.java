package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * An agent or approach to avoid, with its severity. {@code onlyWhenAlone}: the entry speaks only to
 * the agents given without another systemic agent (e.g. steroids alone).
 */
public record AvoidEntry(
    Basis basis,
    List<String> agents,
    Optional<String> regimen,
    Severity severity,
    boolean onlyWhenAlone)
    implements Entry {
  public AvoidEntry {
    agents = List.copyOf(agents);
  }
}
