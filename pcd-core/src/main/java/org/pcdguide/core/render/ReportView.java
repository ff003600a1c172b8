package org.pcdguide.core.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.DiagnosisStatus;
import org.pcdguide.core.engine.Eligibility;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.Grade;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Population;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.SourceKind;
import org.pcdguide.core.knowledge.Strength;

/**
 * One assessment as every output shows it, built once from the {@link Assessment} and the pack: the
 * headline and its flags, each item with its evidence and the labels that must never be hidden,
 * proposed orders, missing data and worded warnings. The text, Markdown, JSON, FHIR and CDS Hooks
 * renderers only format it; none reads sources from the pack.
 */
public record ReportView(
    String caseId,
    LocalDate asOf,
    String knowledgeVersion,
    String knowledgeHash,
    Headline headline,
    Optional<Diagnosis> diagnosis,
    List<Differential> differential,
    String extent,
    List<String> extentBecause,
    List<String> modules,
    Map<String, FactValue> facts,
    List<Item> recommendations,
    List<Item> avoid,
    List<Item> pitfalls,
    List<Item> monitoring,
    List<Item> timeline,
    List<Item> context,
    List<Trial> trials,
    List<SourceGap> sourceGaps,
    List<Assessment.MissingData> missingData,
    List<Warning> warnings,
    List<NotOffered> notOffered,
    Map<String, ProposedOrder> proposedOrders,
    List<Item> screening,
    List<Item> plan) {

  public static ReportView of(Assessment a, KnowledgePack pack) {
    return new ReportViews(pack).report(a);
  }

  /**
   * The parts of the view that CDS Hooks cards show, built without the rest: the headline's top
   * option and statement (not its flags) and the recommendations up to the top one (all when the
   * answer splits into branches); pitfalls, screening findings, plan items and missing data as in
   * {@link #of}; of the avoid entries, those a proposed order hits; of the warnings, the
   * per-patient checks and certain conflicts; the proposed orders for {@code orderSign} cards only.
   * The diagnosis, differential, facts, monitoring, timeline, context, trials, source gaps and
   * options not offered are left empty (the cards link to the full report for them). Never render a
   * full report from it.
   */
  public static ReportView forCards(Assessment a, KnowledgePack pack, boolean orderSign) {
    return CardViews.of(new ReportViews(pack), a, orderSign);
  }

  /** The one-screen block that opens every report (issue 14, item 8). */
  public Summary summary() {
    return Summary.of(this);
  }

  /** The evidence of one knowledge entry as every output shows it (with its labels). */
  public static List<Evidence> evidence(
      org.pcdguide.core.knowledge.Entry entry, KnowledgePack pack) {
    return new ReportViews(pack).evidence(entry.evidence());
  }

  /**
   * What the report leads with: the best-ranked disease-directed recommendation ({@code top}), or
   * {@code id} "none" and why; then one flag per distinct proposed-order conflict.
   */
  public record Headline(Optional<Item> top, String id, String statement, List<Flag> flags) {
    /** The headline line: the top option's summary, or the statement when there is none. */
    public String text() {
      return top.map(Item::summary).orElse(statement);
    }
  }

  /** A proposed order that hits agents to avoid, worded once for every output. */
  public record Flag(Severity severity, String text, List<String> entries) {}

  /** A cited source as a reader must see it beside the statement it supports. */
  public record SourceView(
      String id,
      String title,
      SourceKind kind,
      Population population,
      String populationText,
      Grade grade,
      List<String> labels,
      Optional<String> citation) {
    public String kindWords() {
      return kind.word().replace('-', ' ');
    }
  }

  /** One piece of evidence: its source, locator, verbatim quote, note and labels. */
  public record Evidence(
      SourceView source,
      String locator,
      Optional<String> quote,
      Optional<String> note,
      boolean unsupported,
      List<String> identified) {
    /** The source's labels plus "unsupported by a located source": never hidden. */
    public List<String> labels() {
      if (!unsupported) {
        return source.labels();
      }
      List<String> all = new java.util.ArrayList<>(source.labels());
      all.add(Labels.UNSUPPORTED);
      return List.copyOf(all);
    }
  }

  /** Another source that disagrees with an entry's statement. */
  public record Disagreement(SourceView source, String locator, String statement) {}

  /** An emitted entry ready to show; kind-specific fields are empty where they do not apply. */
  public record Item(
      String id,
      EntryKind kind,
      String module,
      int rank,
      String title,
      String summary,
      String statement,
      Strength strength,
      List<String> agents,
      Optional<String> regimen,
      List<String> then,
      List<String> thenPending,
      List<String> thenPendingLabels,
      Optional<Severity> severity,
      List<String> proposed,
      List<String> proposedLabels,
      Optional<String> item,
      Optional<String> schedule,
      Optional<LocalDate> windowFrom,
      Optional<LocalDate> windowTo,
      Optional<String> given,
      Optional<String> conditional,
      List<String> proposedOrders,
      List<String> labels,
      List<String> because,
      List<Evidence> evidence,
      List<Disagreement> disagreements,
      Optional<AttributeClassView> byAttribute,
      Optional<RenalDosing> renalDosing) {
    /** The title, or the statement when the entry has none. */
    public String heading() {
      return title.isEmpty() ? statement : title;
    }

    /** Distinct sources with their grades, in citation order. */
    public List<SourceView> gradedSources() {
      return evidence.stream().map(Evidence::source).distinct().toList();
    }
  }

  /**
   * The class an avoid entry names by attribute ({@code neurotoxicity: high}): the agents a source
   * places in it, and the agents no pack source gives a value for (a gap, never a clearance).
   */
  public record AttributeClassView(
      String attribute, String label, String value, List<String> members, List<String> unsourced) {}

  /**
   * What the pack's sources say of the renal dose adjustment of a recommended option's drugs (issue
   * 13 rule 8): {@code impaired} false when renal function is stated but undecided.
   */
  public record RenalDosing(
      boolean impaired,
      List<String> adjust,
      List<String> notRequired,
      List<String> sources,
      List<String> unsourced,
      String statement) {}

  /** The diagnosis check of the working diagnosis. */
  public record Diagnosis(
      String disorder,
      String label,
      DiagnosisStatus status,
      List<String> because,
      List<Criterion> criteria,
      Optional<String> ruleStatement,
      List<Evidence> ruleEvidence) {}

  /** One criterion: met, not met or unknown, and why. */
  public record Criterion(
      String id,
      String group,
      String title,
      Truth met,
      String statement,
      List<String> because,
      List<Evidence> evidence) {}

  /** A disorder the findings support although the case is labelled otherwise (or not at all). */
  public record Differential(
      String disorder,
      String label,
      DiagnosisStatus status,
      String statement,
      List<Evidence> evidence) {}

  /** A trial with the patient's apparent eligibility. */
  public record Trial(
      String id,
      String title,
      Optional<String> registry,
      String module,
      Eligibility eligible,
      List<String> because,
      List<String> missing,
      String statement,
      List<String> labels,
      List<Evidence> evidence) {
    public List<SourceView> gradedSources() {
      return evidence.stream().map(Evidence::source).distinct().toList();
    }
  }

  /** Where a source is incomplete: recorded, never filled in. */
  public record SourceGap(String section, SourceView source, String locator, String statement) {}

  /**
   * A warning with its stable id and its wording; {@code patient} marks a per-patient applicability
   * check (age against the sources' populations, a clinician's flag against a source's condition)
   * that the patient-view cards show too; {@code critical} marks one the clinician must resolve
   * before acting (a conflict between modules, issue 13 rule 5), shown as a critical card and a
   * high-severity DetectedIssue; {@code conflict} marks a label or module conflict, which the
   * summary leads with whatever its severity.
   */
  public record Warning(
      String id, String statement, boolean patient, boolean critical, boolean conflict) {}

  /**
   * A proposed order: its label, whether it is a regimen (else an agent) or a procedure, the agents
   * it gives, and the verdicts on it.
   */
  public record ProposedOrder(
      String id,
      String label,
      boolean regimen,
      boolean procedure,
      List<String> agents,
      List<Verdict> verdicts) {
    /** The order's disposition in one line: every verdict, most serious first. */
    public String disposition() {
      return String.join("; ", verdicts.stream().map(Verdict::statement).toList());
    }
  }

  /** One verdict on a proposed order, worded. */
  public record Verdict(
      org.pcdguide.core.engine.VerdictKind kind,
      Optional<String> entry,
      int rank,
      Optional<Severity> severity,
      String statement,
      List<String> because) {}

  /** An option that applies but is not offered again, and the history that rules it out. */
  public record NotOffered(String id, String title, String module, String statement) {}
}
