package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.cases.PatientCase;
import org.pcdguide.core.knowledge.AttributeClass;
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

  /**
   * Proposed agents this avoid entry names, by id, regimen or class attribute (for only-when-alone:
   * only without another systemic one).
   */
  List<String> hits(AvoidEntry e) {
    return hits(named(e), e.onlyWhenAlone());
  }

  /**
   * Proposed agents among {@code agents} and the regimen's; with {@code alone}, only when no other
   * systemic agent is proposed besides them.
   */
  List<String> hits(List<String> agents, Optional<String> regimen, boolean alone) {
    Set<String> named = new LinkedHashSet<>(agents);
    regimen.ifPresent(r -> named.addAll(pack.vocabulary().agentsOf(r)));
    return hits(named, alone);
  }

  private List<String> hits(Set<String> named, boolean alone) {
    List<String> hits = new ArrayList<>();
    for (String a : named) {
      if (agents.contains(a)) {
        hits.add(a);
      }
    }
    if (alone && !hits.isEmpty()) {
      // "alone": no other systemic agent is proposed besides the entry's own agents
      Vocabulary v = pack.vocabulary();
      boolean otherSystemic =
          agents.stream()
              .filter(a -> !named.contains(a))
              .anyMatch(a -> v.agents().get(a).systemic());
      if (otherSystemic) {
        return List.of();
      }
    }
    return hits;
  }

  /**
   * Proposed agents an entry naming a class by attribute can neither hit nor clear, because no pack
   * source gives their value of the attribute: never passed over as "no rule against it".
   */
  Optional<Warning> unsourced(AvoidEntry e) {
    if (e.byAttribute().isEmpty()) {
      return Optional.empty();
    }
    AttributeClass c = e.byAttribute().get();
    Vocabulary v = pack.vocabulary();
    Set<String> named = named(e);
    List<String> unsourced =
        agents.stream()
            .filter(a -> !named.contains(a))
            .filter(a -> v.membership(a, c) == AttributeClass.Membership.UNSOURCED)
            .toList();
    if (unsourced.isEmpty()) {
      return Optional.empty();
    }
    String label = v.attributes().get(c.attribute()).label();
    return Optional.of(new Warning.ProposedClassUnsourced(e, unsourced, label));
  }

  private Set<String> named(AvoidEntry e) {
    return named(e, pack);
  }

  /** The agents an avoid entry names: its own, its regimen's and its class's members (memoised). */
  static Set<String> named(AvoidEntry e, KnowledgePack pack) {
    return PackMemo.of(pack).get("named", e, x -> PackMemo.frozen(namedNow(e, pack)));
  }

  private static Set<String> namedNow(AvoidEntry e, KnowledgePack pack) {
    Vocabulary v = pack.vocabulary();
    Set<String> named = new LinkedHashSet<>(e.agents());
    e.regimen().ifPresent(r -> named.addAll(v.agentsOf(r)));
    e.byAttribute().ifPresent(c -> named.addAll(v.members(c)));
    return named;
  }
}
