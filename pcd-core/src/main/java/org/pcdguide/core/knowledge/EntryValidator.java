package org.pcdguide.core.knowledge;

import java.util.regex.Pattern;
import org.pcdguide.core.facts.FactDef;
import org.pcdguide.core.facts.FactType;

/** Checks one entry against the vocabulary, the fact registry and the sources. */
record EntryValidator(PackValidator pack, String where) {
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

  void entry(Entry e) {
    Vocabulary v = pack.pack().vocabulary();
    pack.check(ID.matcher(e.id()).matches(), where, "id must look like POEMS-TX-001");
    pack.check(
        PackValidator.STRENGTHS.contains(e.strength()),
        where + ".strength",
        "'" + e.strength() + "' is not one of " + PackValidator.STRENGTHS);
    pack.check(
        !e.evidence().isEmpty(), where + ".evidence", "every entry cites at least one source");
    for (Evidence ev : e.evidence()) {
      pack.evidence(ev, where);
    }
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
    for (Entry.ThenStep t : e.then()) {
      t.agents()
          .forEach(
              a ->
                  pack.check(
                      v.isTherapy(a), where + ".then", "'" + a + "' is not a vocabulary agent"));
      pack.condition(t.when(), where + ".then.when");
    }
    pack.condition(e.when(), where + ".when");
    pack.check(
        e.kind() == EntryKind.SCREENING
            || e.when().facts().stream().noneMatch(f -> f.startsWith("assessment.")),
        where + ".when",
        "only screening rules may name assessment.* facts");
    e.preferWhen().ifPresent(c -> pack.condition(c, where + ".prefer-when"));
    switch (e.kind()) {
      case AVOID -> {
        pack.check(
            !e.agents().isEmpty() || e.regimen().isPresent(),
            where,
            "an avoid entry names its agents");
        pack.check(
            e.severity().map(PackValidator.SEVERITIES::contains).orElse(false),
            where + ".severity",
            "an avoid entry needs severity " + PackValidator.SEVERITIES);
      }
      case MONITORING ->
          pack.check(e.item().isPresent(), where + ".item", "a monitoring entry names its item");
      case DIAGNOSTIC -> e.criterion().ifPresent(this::criterion);
      case SCREENING ->
          pack.check(
              e.item().isPresent(), where + ".item", "a screening rule names its finding (item)");
      default -> {}
    }
    e.window()
        .ifPresent(
            w -> {
              FactDef def = pack.fact(w.after(), where + ".window").orElse(null);
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
    pack.fact(c.fact(), where + ".criterion");
    pack.check(
        java.util.List.of("mandatory", "major", "minor").contains(c.group()),
        where + ".criterion.group",
        "'" + c.group() + "' is not mandatory, major or minor");
  }
}
