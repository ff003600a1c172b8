package org.pcdguide.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.core.facts.FactContext;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;

/**
 * Whether any module of the pack can treat the case (issue 14, rule 5): a label no module names, or
 * labelled modules whose treatment gate is false (myeloma without a plasmacytoma), is outside the
 * pack's scope, said with what the pack covers, never "no treatment applies".
 */
final class Scope {
  private final KnowledgePack pack;
  private final Optional<String> label;
  private final List<String> because = new ArrayList<>();
  private int labelled;
  private int inScope;

  Scope(KnowledgePack pack, Optional<String> label) {
    this.pack = pack;
    this.label = label;
  }

  /** A module the label names: in scope unless its treatment gate is false (criteria apart). */
  void labelled(DisorderModule m, Assessment.DiagnosisCheck check, FactContext facts) {
    labelled++;
    if (check.status() == DiagnosisStatus.CRITERIA_NOT_MET) {
      inScope++; // the label is contradicted: said by its own warning, not a scope question
      return;
    }
    boolean stated = check.status() == DiagnosisStatus.STATED;
    Outcome gate = Undecided.gate(m, EntryKind.FIRST_LINE, stated, facts);
    if (gate.truth() == Truth.FALSE) {
      for (String b : gate.because()) {
        if (!because.contains(b)) {
          because.add(b);
        }
      }
    } else {
      inScope++;
    }
  }

  /** The warning, when a labelled case has no module in scope and no differential to weigh. */
  Optional<Warning> warning(List<Assessment.Differential> differential) {
    if (label.isEmpty() || inScope > 0 || !differential.isEmpty()) {
      return Optional.empty();
    }
    Set<String> covered = new LinkedHashSet<>();
    for (DisorderModule m : pack.modules()) {
      covered.add(m.label());
    }
    return Optional.of(
        new Warning.OutsideScope(
            label,
            labelled == 0 ? List.of("no module names this label") : because,
            List.copyOf(covered)));
  }
}
