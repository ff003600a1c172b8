package org.pcdguide.core.engine;

import java.util.List;
import java.util.Optional;
import org.pcdguide.core.knowledge.AvoidEntry;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Severity;

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
  record CriteriaUnconfirmed(String disorder, String moduleLabel) implements Warning {
    @Override
    public String id() {
      return disorder + "-criteria-unconfirmed";
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

  /** A proposed order that no recommendation and no avoid entry speaks to. */
  record ProposedUnchecked(String proposed) implements Warning {
    @Override
    public String id() {
      return "proposed-" + proposed + "-unchecked";
    }
  }

  /** What the door read but could not use, in the door's own words, at its input path. */
  record InputNote(String path, String message) implements Warning {
    @Override
    public String id() {
      return "input:" + path;
    }
  }
}
