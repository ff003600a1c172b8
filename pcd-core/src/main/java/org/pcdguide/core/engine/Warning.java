package org.pcdguide.core.engine;

import java.util.List;
import java.util.Optional;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.FlagCheck;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.Source;
import org.pcdguide.core.knowledge.TreatmentEntry;

/**
 * Something the clinician must see that is not itself a knowledge entry: a kind and its parameters.
 * The engine decides; the rendering layer words it once for every output
 * (org.pcdguide.core.render.WarningText). {@code id} is stable and appears in every output.
 */
public sealed interface Warning {
  String id();

  /** The findings meet a disorder's criteria that the case label does not name (or no label). */
  record CriteriaMetUnlabelled(String disorder, String moduleLabel, Optional<String> caseLabel)
      implements Warning {
    @Override
    public String id() {
      return disorder
          + "-criteria-met"
          + (caseLabel.isPresent() ? "-despite-label" : "-unlabelled");
    }
  }

  /** The case label's criteria are not met; the module's misdiagnosis pitfall if it has one. */
  record LabelNotSupported(
      String disorder,
      String caseLabel,
      String moduleLabel,
      List<String> because,
      Optional<Entry> pitfall)
      implements Warning {
    public LabelNotSupported {
      because = List.copyOf(because);
    }

    @Override
    public String id() {
      return disorder + "-label-not-supported";
    }
  }

  /** The case label's criteria cannot yet be confirmed; treatment is held back. */
  /**
   * The case states the disorder and no documented finding contradicts its criteria, but {@code
   * undocumented} criteria are not documented: the stated diagnosis is the working one.
   */
  record DiagnosisStated(
      String disorder, String moduleLabel, String label, List<String> undocumented)
      implements Warning {
    public DiagnosisStated {
      undocumented = List.copyOf(undocumented);
    }

    @Override
    public String id() {
      return disorder + "-stated-criteria-undocumented";
    }
  }

  /**
   * No module of the pack can treat this case: its label names no module, or the labelled modules'
   * treatment gates are false ({@code because}); {@code covered} is what the pack covers.
   */
  record OutsideScope(Optional<String> label, List<String> because, List<String> covered)
      implements Warning {
    public OutsideScope {
      because = List.copyOf(because);
      covered = List.copyOf(covered);
    }

    @Override
    public String id() {
      return "outside-scope";
    }
  }

  /** A proposed order hits an agent to avoid whose condition is still undecided. */
  record ProposedMayConflict(AvoidEntry entry, List<String> agents) implements Warning {
    public ProposedMayConflict {
      agents = List.copyOf(agents);
    }

    @Override
    public String id() {
      return entry.id() + "-possible";
    }
  }

  /** A proposed order hits an agent to avoid that applies, at the raised severity. */
  record ProposedHitsAvoid(AvoidEntry entry, List<String> agents, Severity severity)
      implements Warning {
    public ProposedHitsAvoid {
      agents = List.copyOf(agents);
    }

    @Override
    public String id() {
      return entry.id() + "-proposed";
    }
  }

  /**
   * Proposed agents that an avoid entry naming a class by attribute (e.g. high neurotoxicity) can
   * neither hit nor clear: no pack source gives their value of the attribute ({@code attribute} is
   * its label). Not "no rule against it": the pack cannot say.
   */
  record ProposedClassUnsourced(AvoidEntry entry, List<String> agents, String attribute)
      implements Warning {
    public ProposedClassUnsourced {
      agents = List.copyOf(agents);
    }

    @Override
    public String id() {
      return entry.id() + "-unsourced";
    }
  }

  /**
   * Renal impairment (or renal function stated but undecided: {@code impaired} false) and the
   * recommended options' drugs by what the pack's sources say of their renal dose adjustment.
   */
  record RenalDosing(boolean impaired, List<String> because, List<RenalOption> options)
      implements Warning {
    public RenalDosing {
      because = List.copyOf(because);
      options = List.copyOf(options);
    }

    @Override
    public String id() {
      return impaired ? "renal-dose-adjustment" : "renal-dose-adjustment-undecided";
    }
  }

  /**
   * One recommended option's drugs: those a source says need a renal dose adjustment ({@code
   * adjust}), those a source says need none ({@code notRequired}, with the sources), and those no
   * pack source speaks to ({@code unsourced}).
   */
  record RenalOption(
      String entry,
      int rank,
      List<String> adjust,
      List<String> notRequired,
      List<String> sources,
      List<String> unsourced) {
    public RenalOption {
      adjust = List.copyOf(adjust);
      notRequired = List.copyOf(notRequired);
      sources = List.copyOf(sources);
      unsourced = List.copyOf(unsourced);
    }
  }

  /**
   * Issue 13 rule 5: an option of one module gives {@code agents} that an avoid entry of another
   * names. {@code certain}: both modules are assessed and the avoid entry applies (critical; the
   * option is not offered); otherwise the avoid entry's disorder is an open differential (caution).
   */
  record ModuleConflict(
      TreatmentEntry option,
      String optionModule,
      AvoidEntry avoid,
      String avoidModule,
      List<String> agents,
      boolean certain)
      implements Warning {
    public ModuleConflict {
      agents = List.copyOf(agents);
    }

    @Override
    public String id() {
      return option.id() + "-conflicts-" + avoid.id() + (certain ? "" : "-possible");
    }
  }

  /** A proposed order that no recommendation and no avoid entry speaks to. */
  record ProposedUnchecked(String proposed) implements Warning {
    @Override
    public String id() {
      return "proposed-" + proposed + "-unchecked";
    }
  }

  /**
   * A recommended option whose cited sources do not cover the patient's age: a {@code child} whom
   * no source says it includes, or a patient older than every population whose ages a source
   * states. {@code sources} are the option's cited sources, with their populations.
   */
  record AgeNotCovered(TreatmentEntry entry, int age, boolean child, List<Source> sources)
      implements Warning {
    public AgeNotCovered {
      sources = List.copyOf(sources);
    }

    @Override
    public String id() {
      return entry.id() + "-age-not-covered";
    }
  }

  /**
   * A clinician's flag that a source's stated condition questions (a module's flag check), while a
   * recommended option ({@code options}) depends on it; {@code because} is the facts that hold.
   */
  record FlagQuestioned(FlagCheck check, List<String> because, List<String> options)
      implements Warning {
    public FlagQuestioned {
      because = List.copyOf(because);
      options = List.copyOf(options);
    }

    @Override
    public String id() {
      return check.id();
    }
  }

  /** The patient's age is not stated, so the age applicability of {@code options} is unchecked. */
  record AgeNotStated(List<String> options) implements Warning {
    public AgeNotStated {
      options = List.copyOf(options);
    }

    @Override
    public String id() {
      return "age-not-stated";
    }
  }

  /**
   * A clinician's flag holds but whether the source's condition holds is unknown ({@code missing}
   * would decide it), while {@code options} depend on the flag.
   */
  record FlagUnchecked(
      FlagCheck check, List<String> because, List<String> missing, List<String> options)
      implements Warning {
    public FlagUnchecked {
      because = List.copyOf(because);
      missing = List.copyOf(missing);
      options = List.copyOf(options);
    }

    @Override
    public String id() {
      return check.id() + "-unchecked";
    }
  }

  /** What the door read but could not use, in the door's own words, at its input path. */
  record InputNote(String path, String message, org.pcdguide.core.cases.Problem.Kind kind)
      implements Warning {
    @Override
    public String id() {
      return "input:" + path;
    }
  }
}
