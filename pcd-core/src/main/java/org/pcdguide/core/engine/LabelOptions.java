package org.pcdguide.core.engine;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.TreatmentEntry;
import org.pcdguide.core.knowledge.Vocabulary;

/**
 * Issue 13 rule 6: whether a proposed order is disease-directed treatment of a labelled disorder,
 * i.e. the regimen of one of its modules' disease-directed options, or an order giving a systemic
 * or procedural agent such an option names. Supportive options and agents (IVIg, corticosteroids
 * given alone) are not.
 */
final class LabelOptions {
  private LabelOptions() {}

  /** The first disease-directed option of {@code disorder}'s modules that the order gives. */
  static Optional<String> directed(
      String order, Set<String> agents, String disorder, KnowledgePack pack) {
    Vocabulary v = pack.vocabulary();
    Set<String> directedAgents = new LinkedHashSet<>();
    for (String a : agents) {
      Vocabulary.AgentDef def = v.agents().get(a);
      if (def != null && (def.systemic() || def.procedure())) {
        directedAgents.add(a);
      }
    }
    // the order's own regimen first (VTD-PACE is MMP-TX-001, not the bortezomib of EMP-TX-001)
    for (boolean byRegimen : new boolean[] {true, false}) {
      for (DisorderModule m : pack.modules()) {
        if (!m.disorder().equals(disorder)) {
          continue;
        }
        for (Entry e : m.entries()) {
          if (!(e instanceof TreatmentEntry t)
              || !e.kind().treatment()
              || e.kind() == EntryKind.SUPPORTIVE) {
            continue;
          }
          Set<String> option = new LinkedHashSet<>(t.agents());
          t.regimen().ifPresent(r -> option.addAll(v.agentsOf(r)));
          boolean gives =
              byRegimen
                  ? t.regimen().map(order::equals).orElse(false)
                  : directedAgents.stream().anyMatch(option::contains);
          if (gives) {
            return Optional.of(t.id());
          }
        }
      }
    }
    return Optional.empty();
  }
}
