package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Vocabulary;

/** The case's proposed orders as agents, and which of them an avoid entry names. */
final class ProposedOrders {
  private final KnowledgePack pack;
  private final Set<String> agents = new LinkedHashSet<>();

  ProposedOrders(KnowledgePack pack, PatientCase patientCase) {
    this.pack = pack;
    for (String id : patientCase.proposed()) {
      agents.addAll(pack.vocabulary().agentsOf(id));
    }
  }

  /** Proposed agents this avoid entry names (for only-when-alone: only without a systemic one). */
  List<String> hits(AvoidEntry e) {
    return hits(e.agents(), e.regimen(), e.onlyWhenAlone());
  }

  /**
   * Proposed agents among {@code agents} and the regimen's; with {@code alone}, only when no other
   * systemic agent is proposed besides them.
   */
  List<String> hits(List<String> agents, java.util.Optional<String> regimen, boolean alone) {
    Set<String> named = new LinkedHashSet<>(agents);
    regimen.ifPresent(r -> named.addAll(pack.vocabulary().agentsOf(r)));
    List<String> hits = new ArrayList<>();
    for (String a : named) {
      if (this.agents.contains(a)) {
        hits.add(a);
      }
    }
    if (alone && !hits.isEmpty()) {
      // "alone": no other systemic agent is proposed besides the entry's own agents
      Vocabulary v = pack.vocabulary();
      boolean otherSystemic =
          this.agents.stream()
              .filter(a -> !named.contains(a))
              .anyMatch(a -> v.agents().get(a).systemic());
      if (otherSystemic) {
        return List.of();
      }
    }
    return hits;
  }
}
