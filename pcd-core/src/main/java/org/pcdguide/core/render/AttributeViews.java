package org.pcdguide.core.render;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.Warning;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Vocabulary;

/** Agent attributes as the report shows them: class members of avoid entries, renal dosing. */
final class AttributeViews {
  private AttributeViews() {}

  /**
   * The entry's agents: with a regimen, the regimen's agents first (the contract gives a regimen
   * option its agents); for an avoid entry naming a class, also the class's members.
   */
  static List<String> agents(Entry e, Vocabulary v) {
    boolean byClass = e instanceof AvoidEntry a && a.byAttribute().isPresent();
    if (!byClass && e.regimen().isEmpty()) {
      return e.agents();
    }
    Set<String> all = new LinkedHashSet<>();
    e.regimen().ifPresent(r -> all.addAll(v.agentsOf(r)));
    all.addAll(e.agents());
    if (e instanceof AvoidEntry a && a.byAttribute().isPresent()) {
      all.addAll(v.members(a.byAttribute().get()));
    }
    return List.copyOf(all);
  }

  /** The class an avoid entry names by attribute, with its members and unsourced agents. */
  static Optional<ReportView.AttributeClassView> attributeClass(Entry e, Vocabulary v) {
    if (!(e instanceof AvoidEntry a)) {
      return Optional.empty();
    }
    return a.byAttribute()
        .map(
            c ->
                new ReportView.AttributeClassView(
                    c.attribute(),
                    v.attributes().get(c.attribute()).label(),
                    c.value(),
                    v.members(c),
                    v.unsourced(c)));
  }

  /** The assessment's renal dosing warning, if renal function was stated and not normal. */
  static Optional<Warning.RenalDosing> renal(Assessment a) {
    return a.warnings().stream()
        .filter(Warning.RenalDosing.class::isInstance)
        .map(Warning.RenalDosing.class::cast)
        .findFirst();
  }
}
