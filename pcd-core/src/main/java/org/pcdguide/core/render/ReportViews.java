package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.engine.VerdictKind;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.EntryKind;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Severity;
import org.pcdguide.core.knowledge.Vocabulary;

/** Builds a {@link ReportView}: the one place that reads sources and labels from the pack. */
final class ReportViews {
  private final KnowledgePack pack;
  private final Vocabulary vocabulary;
  private final PackViews views;
  private Map<String, ReportView.ProposedOrder> orders = Map.of();
  private List<Assessment.ProposedOrder> proposed = List.of();
  private Optional<org.pcdguide.core.engine.Warning.RenalDosing> renal = Optional.empty();

  ReportViews(KnowledgePack pack) {
    this.pack = pack;
    this.vocabulary = pack.vocabulary();
    this.views = PackViews.of(pack);
  }

  ReportView report(Assessment a) {
    prepare(a);
    List<ReportView.Item> recommendations = items(a.recommendations());
    List<ReportView.Item> avoid = items(a.avoid());
    // the report lists the facts by name (the assessment keeps them in the order first used)
    Map<String, org.pcdguide.core.facts.FactValue> facts =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(a.facts()));
    return new ReportView(
        a.caseId(),
        a.asOf(),
        a.knowledgeVersion(),
        a.knowledgeHash(),
        Headlines.of(a, recommendations, avoid, orders, pack),
        a.diagnosis().map(d -> DiagnosisViews.diagnosis(d, vocabulary, views)),
        a.differential().stream()
            .map(d -> DiagnosisViews.differential(d, vocabulary, views))
            .toList(),
        a.extent(),
        facts.entrySet().stream()
            .filter(f -> f.getKey().endsWith(".extent"))
            .findFirst()
            .map(f -> f.getValue().because())
            .orElse(List.of()),
        a.modules(),
        facts,
        recommendations,
        avoid,
        items(a.pitfalls()),
        items(a.monitoring()),
        items(a.timeline()),
        items(a.context()),
        a.trials().stream().map(this::trial).toList(),
        a.sourceGaps().stream()
            .map(
                g ->
                    new ReportView.SourceGap(
                        g.section(), source(g.source()), g.locator(), g.statement()))
            .toList(),
        a.missingData(),
        WarningText.views(a),
        a.notOffered().stream()
            .map(
                n ->
                    new ReportView.NotOffered(
                        n.entry().id(), n.entry().heading(), n.module(), NotOfferedText.of(n)))
            .toList(),
        orders,
        items(a.screening()),
        items(a.plan()));
  }

  /**
   * As {@link #prepare}, without wording the proposed orders: patient-view cards show none, and an
   * item's "proposed orders that are this option" reads the assessment's orders.
   */
  void prepareUnworded(Assessment a) {
    this.orders = Map.of();
    this.proposed = a.orders();
    this.renal = AttributeViews.renal(a);
  }

  KnowledgePack pack() {
    return pack;
  }

  /** The worded proposed orders of the assessment last prepared. */
  Map<String, ReportView.ProposedOrder> orders() {
    return orders;
  }

  /** The proposed orders and the renal annotation the items of {@code a} are shown with. */
  void prepare(Assessment a) {
    Map<String, ReportView.ProposedOrder> orders = new LinkedHashMap<>();
    for (Assessment.ProposedOrder o : a.orders()) {
      String id = o.order();
      Vocabulary.AgentDef def = vocabulary.agents().get(id);
      orders.put(
          id,
          new ReportView.ProposedOrder(
              id,
              vocabulary.label(id),
              def == null,
              def != null && def.procedure(),
              vocabulary.agentsOf(id),
              OrderText.verdicts(o.verdicts(), pack)));
    }
    this.orders = orders;
    this.proposed = a.orders();
    this.renal = AttributeViews.renal(a);
  }

  List<ReportView.Item> items(List<? extends Assessment.Item> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    List<ReportView.Item> out = new ArrayList<>(items.size());
    for (Assessment.Item i : items) {
      out.add(item(i));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  ReportView.Item item(Assessment.Item i) {
    Entry e = i.entry();
    PackViews.EntryView view = views.entry(e);
    List<String> then = List.of();
    List<String> pending = List.of();
    Optional<Severity> severity = Optional.empty();
    List<String> proposed = List.of();
    Optional<java.time.LocalDate> from = Optional.empty();
    Optional<java.time.LocalDate> to = Optional.empty();
    Optional<String> given = Optional.empty();
    Optional<String> conditional = Optional.empty();
    if (i instanceof Assessment.Recommendation r) {
      then = r.then();
      pending = r.thenPending();
      given = r.given().map(t -> "already given (" + t.summary() + ")");
      conditional = r.conditional();
    } else if (i instanceof Assessment.AvoidItem v) {
      severity = Optional.of(v.severity());
      proposed = v.proposed();
    } else if (i instanceof Assessment.GuidanceItem g) {
      from = g.windowFrom();
      to = g.windowTo();
    } else if (i instanceof Assessment.ScreeningFinding f) {
      proposed = f.holds();
    }
    Optional<String> item = Optional.empty();
    Optional<String> schedule = Optional.empty();
    if (e instanceof org.pcdguide.core.knowledge.GuidanceEntry g) {
      item = g.item();
      schedule = g.schedule();
    }
    String summary = e.heading() + (then.isEmpty() ? "" : ", then " + words(then));
    if (i instanceof Assessment.PlanItem p) {
      summary = "After " + Plans.inSentence(vocabulary.label(p.after())) + ": " + e.heading();
      schedule = p.entry().window().map(w -> Plans.window(w, vocabulary.label(p.after())));
    }
    return new ReportView.Item(
        e.id(),
        e.kind(),
        i.module(),
        i.rank(),
        e.title(),
        summary,
        e.statement(),
        e.strength(),
        view.agents(),
        e.regimen(),
        then,
        pending,
        labels(pending),
        severity,
        proposed,
        labels(proposed),
        item,
        schedule,
        from,
        to,
        given,
        conditional,
        proposedOrders(e.id()),
        view.labels(),
        i.because(),
        view.evidence(),
        view.disagreements(),
        view.byAttribute(),
        i instanceof Assessment.Recommendation
            ? renal.flatMap(r -> RenalText.option(r, e.id(), pack))
            : Optional.empty());
  }

  private List<String> labels(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(vocabulary.label(id));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /** The proposed orders that are, or are part of, this option (their labels). */
  private List<String> proposedOrders(String entryId) {
    if (proposed.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(1);
    for (Assessment.ProposedOrder o : proposed) {
      for (Assessment.Verdict v : o.verdicts()) {
        if ((v.kind() == VerdictKind.MATCHES_OPTION || v.kind() == VerdictKind.PART_OF_OPTION)
            && v.entry().isPresent()
            && v.entry().get().equals(entryId)) {
          String label = vocabulary.label(o.order());
          if (!out.contains(label)) {
            // an order proposed twice is one order, as in the report's proposed orders
            out.add(label);
          }
          break;
        }
      }
    }
    return out;
  }

  private String words(List<String> ids) {
    return String.join(", ", labels(ids));
  }

  private ReportView.Trial trial(Assessment.Trial t) {
    return new ReportView.Trial(
        t.entry().id(),
        t.entry().title(),
        t.entry().registry(),
        t.module(),
        t.eligible(),
        t.because(),
        t.missing(),
        t.entry().statement(),
        views.labels(t.entry()),
        views.evidence(t.entry()));
  }

  List<ReportView.Evidence> evidence(List<org.pcdguide.core.knowledge.Evidence> evidence) {
    return views.evidence(evidence);
  }

  List<ReportView.Disagreement> disagreements(Entry e) {
    return views.disagreements(e);
  }

  ReportView.SourceView source(String id) {
    return views.source(id);
  }

  /** Whether an entry is disease-directed treatment (not supportive care, not guidance). */
  static boolean directed(EntryKind kind) {
    return kind.treatment() && kind != EntryKind.SUPPORTIVE;
  }
}
