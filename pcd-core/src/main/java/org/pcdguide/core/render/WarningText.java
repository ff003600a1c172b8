package org.pcdguide.core.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pcdguide.core.engine.Warning;
import org.pcdguide.core.knowledge.Severity;

/** The wording of every warning kind, once, for every output. */
final class WarningText {
  private WarningText() {}

  static String statement(Warning w) {
    if (w instanceof Warning.CriteriaMetUnlabelled m) {
      return criteriaMet(m);
    }
    if (w instanceof Warning.LabelNotSupported l) {
      return "The case is labelled "
          + l.caseLabel()
          + " but the "
          + l.moduleLabel()
          + " criteria are not met ("
          + String.join("; ", l.because())
          + "); no treatment is recommended for an unconfirmed disorder."
          + l.pitfall().map(e -> " Pitfall " + e.id() + ": " + e.statement()).orElse("");
    }
    if (w instanceof Warning.OutsideScope o) {
      return scope(o);
    }
    if (w instanceof Warning.DiagnosisStated u) {
      return "Stated diagnosis ("
          + u.label()
          + "): guidance is given for "
          + u.moduleLabel()
          + " as the working diagnosis, but these criteria are undocumented: "
          + String.join("; ", u.undocumented())
          + ". Document them (see the missing data); a finding against them would withdraw"
          + " the treatment guidance.";
    }
    if (w instanceof Warning.ProposedMayConflict p) {
      return "Proposed "
          + String.join(", ", p.agents())
          + " may conflict with "
          + p.entry().id()
          + " once the missing data are known: "
          + p.entry().statement();
    }
    if (w instanceof Warning.ProposedHitsAvoid h) {
      return proposedLead(h.severity(), h.agents())
          + " for this patient ("
          + h.entry().id()
          + "): "
          + h.entry().statement();
    }
    if (w instanceof Warning.ProposedClassUnsourced u) {
      return "Proposed "
          + String.join(", ", u.agents())
          + ": the pack has no source on the "
          + u.attribute()
          + " of "
          + (u.agents().size() == 1 ? "this agent" : "these agents")
          + ", so it cannot say whether "
          + u.entry().id()
          + " applies to "
          + (u.agents().size() == 1 ? "it" : "them")
          + " (not a clearance: a gap in the sources): "
          + u.entry().statement();
    }
    if (w instanceof Warning.RenalDosing r) {
      return RenalText.warning(r);
    }
    if (w instanceof Warning.ModuleConflict c) {
      return ConflictText.statement(c);
    }
    if (w instanceof Warning.ProposedUnchecked u) {
      return "Proposed "
          + u.proposed()
          + " matches no recommendation and no agent-to-avoid entry for this patient;"
          + " the pack has no rule against it, which is not an endorsement.";
    }
    if (w instanceof Warning.AgeNotCovered a) {
      return ageNotCovered(a);
    }
    if (w instanceof Warning.FlagQuestioned f) {
      return "CAUTION ("
          + f.check().id()
          + "): "
          + String.join("; ", f.because())
          + " meets a condition a source states. "
          + f.check().statement()
          + " Options that give "
          + String.join(", ", f.check().agents())
          + " on that flag: "
          + String.join(", ", f.options())
          + "."
          + sources(f.check());
    }
    if (w instanceof Warning.AgeNotStated n) {
      return "The patient's age is not stated: whether the sources of "
          + String.join(", ", n.options())
          + " cover this patient (a child, or an age beyond the populations studied) cannot be"
          + " checked.";
    }
    if (w instanceof Warning.FlagUnchecked u) {
      return "Unchecked ("
          + u.check().id()
          + "): "
          + String.join("; ", u.because())
          + ", but whether the condition a source states holds cannot be checked until "
          + String.join(", ", u.missing())
          + " is known. "
          + u.check().statement()
          + " Options that give "
          + String.join(", ", u.check().agents())
          + " on that flag: "
          + String.join(", ", u.options())
          + "."
          + sources(u.check());
    }
    return ((Warning.InputNote) w).message();
  }

  /** A warning the clinician must resolve before acting (a certain module conflict, rule 5). */
  /** "Outside this knowledge pack's scope", why, and what the pack covers (issue 14, rule 5). */
  static String scope(Warning.OutsideScope o) {
    String what =
        o.label().map(l -> "a case labelled " + l).orElse("a case without a diagnosis label");
    return "Outside this knowledge pack's scope: no module of the pack treats "
        + what
        + (o.because().isEmpty() ? "" : " (" + String.join("; ", o.because()) + ")")
        + ". This pack covers: "
        + String.join("; ", o.covered())
        + ".";
  }

  /** A label the findings contradict or exceed, or modules that disagree (issue 14, item 8). */
  static boolean conflict(Warning w) {
    return w instanceof Warning.LabelNotSupported
        || w instanceof Warning.CriteriaMetUnlabelled m && m.caseLabel().isPresent()
        || w instanceof Warning.ModuleConflict;
  }

  static boolean critical(Warning w) {
    return w instanceof Warning.ModuleConflict c && c.certain();
  }

  /** A per-patient applicability check (rule 8 of issue 13), shown on patient-view cards too. */
  static boolean patient(Warning w) {
    return w instanceof Warning.AgeNotCovered
        || w instanceof Warning.AgeNotStated
        || w instanceof Warning.FlagQuestioned
        || w instanceof Warning.FlagUnchecked;
  }

  /** A flag check's sources sentence by check id, with the check it was written for. */
  private static final Map<String, Map.Entry<org.pcdguide.core.knowledge.FlagCheck, String>>
      SOURCES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The sentence naming a flag check's sources, written once per check (it depends on the pack's
   * check alone); a check of another pack with the same id is written afresh.
   */
  private static String sources(org.pcdguide.core.knowledge.FlagCheck check) {
    Map.Entry<org.pcdguide.core.knowledge.FlagCheck, String> kept = SOURCES.get(check.id());
    if (kept != null && kept.getKey() == check) {
      return kept.getValue();
    }
    String text = sourcesText(check);
    SOURCES.put(check.id(), Map.entry(check, text));
    return text;
  }

  private static String sourcesText(org.pcdguide.core.knowledge.FlagCheck check) {
    return " Sources: "
        + check.evidence().stream()
            .map(e -> e.source() + ", " + e.locator())
            .distinct()
            .collect(Collectors.joining("; "))
        + ".";
  }

  private static String ageNotCovered(Warning.AgeNotCovered a) {
    String option = "option " + a.entry().id() + " (" + a.entry().heading() + ")";
    String populations =
        a.sources().stream()
            .map(s -> s.id() + ": " + s.populationText())
            .collect(Collectors.joining("; "));
    return a.child()
        ? "Applicability: the patient is a child (age "
            + a.age()
            + "); the sources of "
            + option
            + " do not say they cover children ("
            + populations
            + "). Its use in a child rests on no source in this pack."
        : "Applicability: the patient (age "
            + a.age()
            + ") is older than every population whose ages the sources of "
            + option
            + " state ("
            + populations
            + "). Its results may not hold at this age.";
  }

  private static String criteriaMet(Warning.CriteriaMetUnlabelled m) {
    return m.caseLabel()
            .map(l -> "The case is labelled " + l + " but the findings meet the ")
            .orElse("The case has no diagnosis label; the findings meet the ")
        + m.moduleLabel()
        + " criteria; it is assessed as "
        + m.moduleLabel()
        + " below.";
  }

  private static String proposedLead(Severity severity, List<String> agents) {
    return severity == Severity.CRITICAL
        ? "CRITICAL: proposed " + String.join(", ", agents) + " is an agent to avoid"
        : "CAUTION: proposed " + String.join(", ", agents) + " calls for caution";
  }

  /** The headline flag of a proposed order hitting agents to avoid (agent labels). */
  static String flag(Severity severity, List<String> agentLabels) {
    String agents = agentLabels.stream().collect(Collectors.joining(", "));
    return severity == Severity.CRITICAL
        ? "CRITICAL: proposed " + agents + " is to be avoided for this patient"
        : "CAUTION: proposed " + agents + " calls for caution in this patient";
  }

  /** How a proposed order raises an entry of this severity, as the rule pages state it. */
  static String escalation(Severity severity) {
    return severity + " (" + severity.whenProposed() + " when proposed)";
  }

  /**
   * The warnings a card shows (per-patient checks and certain conflicts), as the report words them.
   */
  static List<ReportView.Warning> cardViews(org.pcdguide.core.engine.Assessment a) {
    List<ReportView.Warning> out = new java.util.ArrayList<>();
    for (Warning w : a.warnings()) {
      if (patient(w) || critical(w)) {
        out.add(view(w));
      }
    }
    return List.copyOf(out);
  }

  private static ReportView.Warning view(Warning w) {
    return new ReportView.Warning(w.id(), statement(w), patient(w), critical(w), conflict(w));
  }

  /** Every warning of {@code a} as the report words it. */
  static List<ReportView.Warning> views(org.pcdguide.core.engine.Assessment a) {
    List<ReportView.Warning> out = new java.util.ArrayList<>(a.warnings().size());
    for (Warning w : a.warnings()) {
      out.add(view(w));
    }
    return List.copyOf(out);
  }
}
