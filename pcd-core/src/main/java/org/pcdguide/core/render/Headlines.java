package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;

/**
 * What the report leads with: the best-ranked disease-directed recommendation. Supportive care is
 * never the headline; when nothing disease-directed applies, the headline says why and names the
 * missing findings that would decide it. Proposed orders that hit agents to avoid follow as flags.
 */
final class Headlines {
  private Headlines() {}

  static ReportView.Headline of(
      Assessment a,
      List<ReportView.Item> recommendations,
      List<ReportView.Item> avoid,
      Map<String, ReportView.ProposedOrder> orders,
      KnowledgePack pack) {
    ReportView.Headline lead = lead(a, recommendations, pack);
    List<ReportView.Flag> flags = new ArrayList<>();
    for (org.pcdguide.core.engine.Warning w : a.warnings()) {
      if (w instanceof org.pcdguide.core.engine.Warning.ModuleConflict c && c.certain()) {
        flags.add(
            new ReportView.Flag(
                Severity.CRITICAL, ConflictText.flag(c), List.of(c.option().id(), c.avoid().id())));
      }
    }
    for (org.pcdguide.core.engine.Warning w : a.warnings()) {
      // a stated diagnosis with undocumented criteria: the headline says which (issue 14, rule 1)
      if (w instanceof org.pcdguide.core.engine.Warning.DiagnosisStated) {
        flags.add(new ReportView.Flag(Severity.WARNING, WarningText.statement(w), List.of()));
      }
    }
    flags.addAll(flags(avoid, orders));
    return new ReportView.Headline(lead.top(), lead.id(), lead.statement(), List.copyOf(flags));
  }

  /**
   * The headline without its flags (what CDS Hooks cards show of it: the top option, or the
   * statement when there is none). {@code recommendations} need only run to the first
   * disease-directed one, unless that one holds only in a branch of an undecided finding.
   */
  static ReportView.Headline lead(
      Assessment a, List<ReportView.Item> recommendations, KnowledgePack pack) {
    // a branch option is never presented as the answer: the headline names the branches
    Optional<String> branches = BranchHeadline.of(recommendations);
    Optional<ReportView.Item> top =
        recommendations.stream()
            .filter(i -> i.kind() != EntryKind.SUPPORTIVE && branches.isEmpty())
            .findFirst();
    String id = top.map(ReportView.Item::id).orElse("none");
    String statement =
        top.map(ReportView.Item::statement).or(() -> branches).orElseGet(() -> none(a, pack));
    return new ReportView.Headline(top, id, statement, List.of());
  }

  private static List<ReportView.Flag> flags(
      List<ReportView.Item> avoid, Map<String, ReportView.ProposedOrder> orders) {
    Map<String, ReportView.Flag> flags = new LinkedHashMap<>();
    for (ReportView.Item i : avoid) {
      if (i.proposed().isEmpty()) {
        continue;
      }
      Severity severity = i.severity().orElse(Severity.CRITICAL);
      String text = WarningText.flag(severity, i.proposedLabels());
      ReportView.Flag before = flags.get(text);
      List<String> entries = new ArrayList<>(before == null ? List.of() : before.entries());
      entries.add(i.id());
      flags.put(text, new ReportView.Flag(severity, text, List.copyOf(entries)));
    }
    // history, weak support, unsourced class membership, screening holds and pitfalls: warnings
    // in their own right, whatever
    // the avoid entries say
    for (ReportView.ProposedOrder o : orders.values()) {
      for (ReportView.Verdict v : o.verdicts()) {
        if (v.kind() == org.pcdguide.core.engine.VerdictKind.FAILED_BEFORE
            || v.kind() == org.pcdguide.core.engine.VerdictKind.NOT_TOLERATED
            || v.kind() == org.pcdguide.core.engine.VerdictKind.WEAKLY_SUPPORTED
            || (v.kind() == org.pcdguide.core.engine.VerdictKind.MAY_HIT_AVOID
                && !v.because().isEmpty())
            || v.kind() == org.pcdguide.core.engine.VerdictKind.EVALUATE_FIRST
            || v.kind() == org.pcdguide.core.engine.VerdictKind.MODULE_CONFLICT
            || v.kind() == org.pcdguide.core.engine.VerdictKind.LABEL_CONTRADICTED
            || v.kind() == org.pcdguide.core.engine.VerdictKind.AGAINST_PITFALL) {
          String text = OrderText.flag(o.label(), v);
          flags.put(
              text,
              new ReportView.Flag(
                  OrderText.critical(v) ? Severity.CRITICAL : Severity.WARNING,
                  text,
                  v.entry().map(List::of).orElse(List.of())));
        }
      }
    }
    return List.copyOf(flags.values());
  }

  private static String none(Assessment a, KnowledgePack pack) {
    String missing =
        a.missingData().stream()
            .filter(
                m ->
                    m.blocks().stream()
                        .anyMatch(
                            id ->
                                pack.entry(id)
                                    .map(e -> ReportViews.directed(e.kind()))
                                    .orElse(false)))
            .map(Assessment.MissingData::finding)
            .distinct()
            .collect(Collectors.joining(", "));
    String decide = missing.isEmpty() ? "" : " Missing data that would decide it: " + missing + ".";
    Optional<String> scope =
        a.warnings().stream()
            .filter(w -> w instanceof org.pcdguide.core.engine.Warning.OutsideScope)
            .map(w -> WarningText.scope((org.pcdguide.core.engine.Warning.OutsideScope) w))
            .findFirst();
    if (scope.isPresent()) {
      return scope.get();
    }
    if (a.diagnosis().isEmpty()) {
      return a.differential().isEmpty()
          ? "No disorder module applies to this case's diagnosis label; no recommendation."
          : "Differential diagnosis open: see the differential and the missing data that would"
              + " decide it.";
    }
    return switch (a.diagnosis().get().status()) {
      case CRITERIA_NOT_MET ->
          "Diagnostic criteria are not met: no treatment is recommended for an unconfirmed disorder.";
      case INSUFFICIENT_DATA -> "Diagnostic criteria cannot be confirmed yet." + decide;
      case STATED ->
          "Stated diagnosis; no disease-directed recommendation can be made yet." + decide;
      default ->
          missing.isEmpty()
              ? a.notOffered().stream()
                  .filter(n -> n.why() == Assessment.NotOffered.Why.PHASE)
                  .findFirst()
                  .map(
                      n ->
                          "No new disease-directed treatment in this treatment phase ("
                              + n.phase()
                              + "); see monitoring, the expected response timeline and the"
                              + " options not offered.")
                  .orElse(
                      "No disease-directed treatment applies to the current findings; see"
                          + " monitoring and the expected response timeline.")
              : "No disease-directed recommendation can be made yet." + decide;
    };
  }
}
