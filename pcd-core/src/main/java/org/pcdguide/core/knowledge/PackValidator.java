package org.pcdguide.core.knowledge;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-checks a parsed pack: every id it names exists, every condition is well typed, every entry
 * cites a source, and every seed quote is verbatim in the stored text.
 */
record PackValidator(
    KnowledgePack pack, FactCatalog facts, Map<String, String> texts, List<String> problems) {
  static final Set<String> COMPARATORS = Set.of("gt", "gte", "lt", "lte");

  void validate() {
    sources();
    new AttributeValidator(this).vocabulary();
    Vocabulary v = pack.vocabulary();
    for (Vocabulary.RegimenDef r : v.regimens().values()) {
      for (String a : r.agents()) {
        if (!v.agents().containsKey(a)) {
          problem(
              "vocabulary.yaml.regimens." + r.id(), "agent '" + a + "' is not in the vocabulary");
        }
      }
    }
    Set<String> ids = new HashSet<>();
    for (DisorderModule m : pack.modules()) {
      module(m);
      m.misdiagnosisPitfall()
          .ifPresent(
              id ->
                  check(
                      pack.entry(id).map(e -> e.kind() == EntryKind.PITFALL).orElse(false),
                      m.file() + ".misdiagnosis-pitfall",
                      "'" + id + "' is not a pitfall entry of the pack"));
      for (DisorderModule.SourceGap g : m.gaps()) {
        check(
            pack.sources().containsKey(g.source()),
            m.file() + ".gaps",
            "unknown source '" + g.source() + "'");
      }
      for (Entry e : m.entries()) {
        if (!ids.add(e.id())) {
          problem(m.file() + "." + e.id(), "duplicate entry id");
        }
        new EntryValidator(this, m.file() + "." + e.id()).entry(e);
      }
    }
    for (Entry e : pack.screening()) {
      if (!ids.add(e.id())) {
        problem("screening." + e.id(), "duplicate entry id");
      }
      new EntryValidator(this, "screening." + e.id()).entry(e);
    }
    coverage();
    for (String t : facts.requiredThresholds()) {
      if (pack.threshold(t).isEmpty()) {
        problem("thresholds", "no module declares threshold '" + t + "' that a fact needs");
      }
    }
  }

  /** Every sentence of every seed is quoted by an entry or marked with a reason; no stale marks. */
  private void coverage() {
    for (Source s : pack.sources().values()) {
      if (s.text().isPresent()
          && pack.coverage().stream().noneMatch(c -> c.source().equals(s.id()))) {
        problem(
            "coverage",
            "no coverage file for " + s.id() + " (knowledge/coverage-" + s.id() + ".yaml)");
      }
    }
    Map<String, List<String>> cut = new HashMap<>();
    for (SeedCoverage c : pack.coverage()) {
      check(
          texts.containsKey(c.source()),
          c.file(),
          "'" + c.source() + "' is not a source with a stored text");
      List<String> sentences = Coverage.sentences(texts.getOrDefault(c.source(), ""));
      if (texts.containsKey(c.source())) {
        cut.put(c.source(), sentences);
      }
      for (SeedCoverage.Mark m : c.background()) {
        check(
            sentences.contains(Coverage.normalize(m.sentence())),
            c.file(),
            "marked sentence not in " + c.source() + ": \"" + m.sentence() + "\"");
      }
      for (SeedCoverage.Mark m : c.gaps()) {
        check(
            sentences.contains(Coverage.normalize(m.sentence())),
            c.file(),
            "marked sentence not in " + c.source() + ": \"" + m.sentence() + "\"");
      }
    }
    for (Coverage.Sentence sentence : Coverage.of(pack, cut)) {
      if (!sentence.accounted()) {
        problem(
            "coverage " + sentence.source(),
            "sentence neither quoted by an entry nor marked background/source-gap: \""
                + sentence.text()
                + "\"");
      }
    }
  }

  private void sources() {
    for (Source s : pack.sources().values()) {
      String w = "sources.yaml." + s.id();
      for (Source.CitedReference r : s.citedReferences()) {
        check(
            pack.sources().containsKey(r.identifiedAs()),
            w + ".cited-references",
            "'" + r.identifiedAs() + "' is not a source id");
      }
    }
  }

  private void module(DisorderModule m) {
    String w = m.file();
    Vocabulary v = pack.vocabulary();
    check(
        v.diagnoses().containsKey(m.disorder()),
        w + ".disorder",
        "'" + m.disorder() + "' is not a vocabulary diagnosis");
    for (String d : m.scopeDiagnoses()) {
      check(
          v.diagnoses().containsKey(d),
          w + ".scope.diagnoses",
          "'" + d + "' is not a vocabulary diagnosis");
    }
    for (String d : m.differentialOf()) {
      check(
          v.diagnoses().containsKey(d),
          w + ".scope.differential-of",
          "'" + d + "' is not a vocabulary diagnosis");
    }
    Optional<? extends FactCatalog.Signature> criteria = facts.lookup(m.criteriaFact(), v);
    check(
        criteria.isPresent() && criteria.get().values().contains("met"),
        w + ".criteria-fact",
        "'" + m.criteriaFact() + "' is not a criteria fact (an enum with 'met')");
    // the criteria fact is evaluated from the declared criteria: none declared would read as met
    check(
        !CriteriaDeclaration.of(pack, m.criteriaFact()).mandatory().isEmpty(),
        w + ".criteria-fact",
        "no module declares a mandatory criterion for '" + m.criteriaFact() + "'");
    m.extentFact()
        .ifPresent(
            f ->
                check(
                    facts.lookup(f, v).isPresent(),
                    w + ".extent-fact",
                    "unknown fact '" + f + "'"));
    condition(m.treatmentGate(), w + ".gates.treatment");
    condition(m.guidanceGate(), w + ".gates.guidance");
    for (Threshold t : m.thresholds().values()) {
      check(
          COMPARATORS.contains(t.comparator()),
          w + ".thresholds." + t.id(),
          "comparator must be one of " + COMPARATORS);
      check(
          !t.evidence().isEmpty(),
          w + ".thresholds." + t.id(),
          "a threshold must cite its evidence");
      for (Evidence e : t.evidence()) {
        evidence(e, w + ".thresholds." + t.id());
      }
    }
    for (FlagCheck f : m.flagChecks()) {
      flagCheck(f, w + ".flag-checks." + f.id());
    }
  }

  /** A flag check names vocabulary agents, valid conditions and the source that states it. */
  private void flagCheck(FlagCheck f, String where) {
    for (String a : f.agents()) {
      check(
          pack.vocabulary().agents().containsKey(a),
          where + ".agents",
          "'" + a + "' is not a vocabulary agent");
    }
    condition(f.flag(), where + ".flag");
    condition(f.when(), where + ".when");
    check(!f.evidence().isEmpty(), where, "a flag check must cite the source that states it");
    for (Evidence e : f.evidence()) {
      evidence(e, where);
    }
  }

  void evidence(Evidence e, String where) {
    Source s = pack.sources().get(e.source());
    if (s == null) {
      problem(where + ".evidence", "unknown source '" + e.source() + "'");
      return;
    }
    if (s.text().isPresent()) {
      String text = texts.get(s.id());
      if (e.quote().isEmpty()) {
        problem(
            where + ".evidence",
            "a citation of " + s.id() + " needs the verbatim quote it rests on");
      } else if (text != null && !text.contains(e.quote().get())) {
        problem(
            where + ".evidence",
            "quote is not verbatim in " + s.text().get() + ": \"" + e.quote().get() + "\"");
      }
    } else if (e.quote().isPresent()) {
      problem(
          where + ".evidence", s.id() + " has no stored text to check a quote against; use 'note'");
    }
  }

  void condition(Condition c, String where) {
    if (c instanceof Condition.All a) {
      a.parts().forEach(p -> condition(p, where));
    } else if (c instanceof Condition.Any a) {
      a.parts().forEach(p -> condition(p, where));
    } else if (c instanceof Condition.Not n) {
      condition(n.part(), where);
    } else if (c instanceof Condition.IsUnknown u) {
      fact(u.fact(), where);
    } else if (c instanceof Condition.Compare cmp) {
      fact(cmp.fact(), where).ifPresent(def -> compare(def, cmp, where));
    }
  }

  Optional<? extends FactCatalog.Signature> fact(String name, String where) {
    Optional<? extends FactCatalog.Signature> def = facts.lookup(name, pack.vocabulary());
    if (def.isEmpty()) {
      problem(where, "unknown fact '" + name + "'");
    }
    return def;
  }

  private void compare(FactCatalog.Signature def, Condition.Compare cmp, String where) {
    boolean ordered = Set.of("gt", "gte", "lt", "lte").contains(cmp.op());
    for (Object v : cmp.values()) {
      boolean ok =
          switch (def.type()) {
            case BOOLEAN -> v instanceof Boolean && !ordered;
            case NUMBER -> v instanceof Double;
            case ENUM ->
                v instanceof String s
                    && !ordered
                    && (def.values().isEmpty() || def.values().contains(s));
            case DATE -> false;
          };
      if (!ok) {
        problem(
            where,
            "fact '"
                + def.name()
                + "' ("
                + def.type().word()
                + (def.type() == FactType.ENUM ? " of " + def.values() : "")
                + ") cannot be compared with "
                + cmp.op()
                + " '"
                + v
                + "'");
      }
    }
  }

  void check(boolean ok, String where, String message) {
    if (!ok) {
      problem(where, message);
    }
  }

  void problem(String where, String message) {
    problems.add(where + ": " + message);
  }
}
