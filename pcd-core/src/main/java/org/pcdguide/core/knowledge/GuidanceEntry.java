package org.pcdguide.core.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Guidance that is not a treatment: a pitfall, a monitoring item and its schedule, an expected
 * response timeline (with a date window after an event), or background context. {@code planAfter}
 * names the procedure whose aftermath the entry describes: while that procedure is recommended or
 * proposed but not yet given, the entry is shown as a plan. A pitfall of strength do-not that names
 * {@code agents} speaks against proposing them while it applies ({@code onlyWhenAlone}: only when
 * no other systemic agent is proposed).
 */
public record GuidanceEntry(
    Basis basis,
    List<String> agents,
    Optional<String> item,
    Optional<String> schedule,
    Optional<Entry.Window> window,
    Optional<String> planAfter,
    boolean onlyWhenAlone)
    implements Entry {
  public GuidanceEntry {
    agents = List.copyOf(agents);
  }
}
