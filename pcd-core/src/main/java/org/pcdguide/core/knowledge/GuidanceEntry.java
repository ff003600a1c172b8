package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Guidance that is not a treatment: a pitfall, a monitoring item and its schedule, an expected
 * response timeline (with a date window after an event), or background context.
 */
public record GuidanceEntry(
    Basis basis,
    List<String> agents,
    Optional<String> item,
    Optional<String> schedule,
    Optional<Entry.Window> window)
    implements Entry {
  public GuidanceEntry {
    agents = List.copyOf(agents);
  }
}
