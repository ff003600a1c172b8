package org.pcdguide.core.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.knowledge.DisorderModule;
import org.pcdguide.core.knowledge.Entry;

/**
 * The result of assessing one patient: the diagnosis check, extent, derived facts, ranked
 * recommendations, agents to avoid, pitfalls, monitoring, timeline, missing data and warnings.
 * Lists are in a stable, documented order (docs/ranking.md).
 */
public record Assessment(
    String knowledgeVersion,
    String knowledgeHash,
    String caseId,
    LocalDate asOf,
    Optional<DiagnosisCheck> diagnosis,
    List<Differential> differential,
    String extent,
    Map<String, FactValue> facts,
    List<String> modules,
    List<Item> recommendations,
    List<Item> avoid,
    List<Item> pitfalls,
    List<Item> monitoring,
    List<Item> timeline,
    List<Item> context,
    List<Trial> trials,
    List<DisorderModule.SourceGap> sourceGaps,
    List<MissingData> missingData,
    List<Warning> warnings) {

  public Assessment {
    differential = List.copyOf(differential);
    facts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(facts));
    recommendations = List.copyOf(recommendations);
    avoid = List.copyOf(avoid);
    pitfalls = List.copyOf(pitfalls);
    monitoring = List.copyOf(monitoring);
    timeline = List.copyOf(timeline);
    modules = List.copyOf(modules);
    context = List.copyOf(context);
    trials = List.copyOf(trials);
    sourceGaps = List.copyOf(sourceGaps);
    missingData = List.copyOf(missingData);
    warnings = List.copyOf(warnings);
  }

  /** The diagnostic check of one disorder module. */
  public record DiagnosisCheck(
      String disorder,
      String status,
      List<CriterionResult> criteria,
      List<String> because,
      Optional<Entry> rule) {
    public DiagnosisCheck {
      criteria = List.copyOf(criteria);
      because = List.copyOf(because);
    }
  }

  /** One criterion: met, not met or unknown (empty), and why. */
  public record CriterionResult(Entry entry, Optional<Boolean> met, List<String> because) {
    public CriterionResult {
      because = List.copyOf(because);
    }
  }

  /** A disorder the findings support (or may support) although the case is labelled otherwise. */
  public record Differential(
      String disorder, String status, String statement, Optional<Entry> rule) {}

  /**
   * An emitted entry with what made it fire. {@code rank} is 1-based within its section; {@code
   * then} holds follow-on agents whose condition holds and {@code thenPending} those whose
   * condition is unknown; {@code proposed} lists proposed orders the entry hits (avoid entries).
   */
  public record Item(
      Entry entry,
      String module,
      int rank,
      List<String> because,
      List<String> then,
      List<String> thenPending,
      String severity,
      List<String> proposed,
      Optional<LocalDate> windowFrom,
      Optional<LocalDate> windowTo) {
    public Item {
      because = List.copyOf(because);
      then = List.copyOf(then);
      thenPending = List.copyOf(thenPending);
      proposed = List.copyOf(proposed);
    }
  }

  /** A finding whose absence keeps something undecided, and the entries it holds back. */
  public record MissingData(String finding, String decides, String statement, List<String> blocks) {
    public MissingData {
      blocks = List.copyOf(blocks);
    }
  }

  /** A trial and whether this patient looks eligible: yes, no or unknown (with what is missing). */
  public record Trial(
      Entry entry, String module, String eligible, List<String> because, List<String> missing) {
    public Trial {
      because = List.copyOf(because);
      missing = List.copyOf(missing);
    }
  }

  /** Something the clinician must see that is not itself a knowledge entry. */
  public record Warning(String id, String statement) {}
}
