package org.pcdguide.core.knowledge;

import java.util.regex.Pattern;

/** Checks one entry against the vocabulary, the fact registry and the sources. */
record EntryValidator(PackValidator pack, String where) {
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

  void entry(Entry e) {
    Vocabulary v = pack.pack().vocabulary();
    pack.check(ID.matcher(e.id()).matches(), where, "id must look like POEMS-TX-001");
    pack.check(
        !e.evidence().isEmpty(), where + ".evidence", "every entry cites at least one source");
    for (Evidence ev : e.evidence()) {
      pack.evidence(ev, where);
    }
    // a strength never exceeds its evidence (issue 13 rule 7)
    Support support = Support.of(e, pack.pack());
    pack.check(
        e.strength() != Strength.RECOMMENDED || support == Support.LOCATED_HUMAN,
        where + ".strength",
        "'recommended' needs located human evidence of the same entity, but the support is "
            + support.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + ": use consider or suggested and say why in a note");
    for (Disagreement d : e.disagreements()) {
      pack.check(
          pack.pack().sources().containsKey(d.source()),
          where + ".disagreements",
          "unknown source '" + d.source() + "'");
    }
    for (String a : e.agents()) {
      pack.check(
          v.agents().containsKey(a), where + ".agents", "'" + a + "' is not a vocabulary agent");
    }
    e.regimen()
        .ifPresent(
            r ->
                pack.check(
                    v.regimens().containsKey(r),
                    where + ".regimen",
                    "'" + r + "' is not a vocabulary regimen"));
    pack.condition(e.when(), where + ".when");
    pack.check(
        e.kind() == EntryKind.SCREENING
            || e.when().facts().stream().noneMatch(f -> f.startsWith("assessment.")),
        where + ".when",
        "only screening rules may name assessment.* facts");
    if (e instanceof TreatmentEntry t) {
      treatment(t, v);
    } else if (e instanceof AvoidEntry a) {
      pack.check(
          !a.agents().isEmpty() || a.regimen().isPresent() || a.byAttribute().isPresent(),
          where,
          "an avoid entry names its agents, a regimen or a class by attribute");
      new AttributeValidator(pack).avoid(a, where);
    } else if (e instanceof GuidanceEntry g) {
      guidance(g, v);
    } else if (e instanceof ScreeningRule r) {
      r.holds().ifPresent(h -> holds(r, h, v));
    } else if (e instanceof DiagnosticEntry d) {
      d.criterion().ifPresent(this::criterion);
    }
  }

  private void treatment(TreatmentEntry t, Vocabulary v) {
    for (Entry.ThenStep step : t.then()) {
      step.agents()
          .forEach(
              a ->
                  pack.check(
                      v.isTherapy(a), where + ".then", "'" + a + "' is not a vocabulary agent"));
      pack.condition(step.when(), where + ".then.when");
    }
    t.preferWhen().ifPresent(c -> pack.condition(c, where + ".prefer-when"));
  }

  private void holds(ScreeningRule r, ScreeningRule.Hold h, Vocabulary v) {
    pack.check(!h.orders().isEmpty(), where + ".holds.orders", "a hold names the orders it holds");
    h.orders()
        .forEach(
            o ->
                pack.check(
                    v.isTherapy(o),
                    where + ".holds.orders",
                    "'" + o + "' is not a vocabulary agent or regimen"));
    pack.condition(h.whileTrue(), where + ".holds.while");
    // a rule that holds orders runs inside the assessment, before the assessment.* facts exist
    java.util.Set<String> facts = new java.util.HashSet<>(r.when().facts());
    facts.addAll(h.whileTrue().facts());
    pack.check(
        facts.stream().noneMatch(f -> f.startsWith("assessment.")),
        where + ".holds",
        "a rule that holds orders may not name assessment.* facts");
  }

  private void guidance(GuidanceEntry g, Vocabulary v) {
    g.planAfter()
        .ifPresent(
            p ->
                pack.check(
                    v.agents().containsKey(p) && v.agents().get(p).procedure(),
                    where + ".plan-after",
                    "'" + p + "' is not a vocabulary procedure"));
    pack.check(
        !g.onlyWhenAlone() || !g.agents().isEmpty(),
        where + ".only-when-alone",
        "only-when-alone needs the entry's agents");
    if (g.kind() == EntryKind.MONITORING) {
      pack.check(g.item().isPresent(), where + ".item", "a monitoring entry names its item");
    }
    g.window()
        .ifPresent(
            w -> {
              FactCatalog.Signature def = pack.fact(w.after(), where + ".window").orElse(null);
              pack.check(
                  def == null || def.type() == FactType.DATE,
                  where + ".window.after",
                  "'" + w.after() + "' is not a date fact");
              pack.check(
                  w.fromMonths() <= w.toMonths(),
                  where + ".window",
                  "from-months is after to-months");
            });
  }

  private void criterion(Entry.Criterion c) {
    pack.fact(c.fact(), where + ".criterion")
        .ifPresent(
            def ->
                pack.check(
                    def.type() == FactType.BOOLEAN,
                    where + ".criterion.fact",
                    "'" + c.fact() + "' is not a boolean fact: a criterion is met or not"));
    pack.check(
        CriteriaDeclaration.GROUPS.contains(c.group()),
        where + ".criterion.group",
        "'" + c.group() + "' is not mandatory, major or minor");
  }
}
