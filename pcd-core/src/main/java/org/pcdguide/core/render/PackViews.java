package org.pcdguide.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Source;

/**
 * The parts of a report view that depend on the pack alone (an entry's evidence with its labels and
 * citations, its disagreements and agents, a source's view), built once per pack and shared by
 * every report: they are immutable, so every call sees the same values it would build itself.
 */
final class PackViews {
  /** The views of the pack last used; a report for another pack replaces them. */
  private static volatile PackViews last;

  private final KnowledgePack pack;
  private final Map<String, EntryView> entries = new ConcurrentHashMap<>();
  private final Map<String, ReportView.SourceView> sources = new ConcurrentHashMap<>();

  private PackViews(KnowledgePack pack) {
    this.pack = pack;
  }

  static PackViews of(KnowledgePack pack) {
    PackViews views = last;
    if (views == null || views.pack != pack) {
      views = new PackViews(pack);
      last = views;
    }
    return views;
  }

  /**
   * What an item of entry {@code e} shows that depends on the entry alone: its agents (with a
   * regimen's and a class's), the class it names by attribute, its labels, evidence and
   * disagreements.
   */
  record EntryView(
      List<String> agents,
      java.util.Optional<ReportView.AttributeClassView> byAttribute,
      List<String> labels,
      List<ReportView.Evidence> evidence,
      List<ReportView.Disagreement> disagreements) {}

  /** The entry's {@link EntryView}, built on first use. */
  EntryView entry(Entry e) {
    EntryView view = entries.get(e.id());
    if (view == null) {
      view =
          new EntryView(
              AttributeViews.agents(e, pack.vocabulary()),
              AttributeViews.attributeClass(e, pack.vocabulary()),
              Labels.of(e, pack),
              evidence(e.evidence()),
              e.disagreements().stream()
                  .map(
                      d ->
                          new ReportView.Disagreement(
                              source(d.source()), d.locator(), d.statement()))
                  .toList());
      entries.put(e.id(), view);
    }
    return view;
  }

  /** The evidence of entry {@code e} as every output shows it. */
  List<ReportView.Evidence> evidence(Entry e) {
    return entry(e).evidence();
  }

  List<ReportView.Evidence> evidence(List<Evidence> list) {
    List<ReportView.Evidence> out = new ArrayList<>(list.size());
    for (Evidence ev : list) {
      out.add(
          new ReportView.Evidence(
              source(ev.source()),
              ev.locator(),
              ev.quote(),
              ev.note(),
              ev.unsupported(),
              Citations.identified(ev, pack)));
    }
    return List.copyOf(out);
  }

  List<ReportView.Disagreement> disagreements(Entry e) {
    return entry(e).disagreements();
  }

  List<String> labels(Entry e) {
    return entry(e).labels();
  }

  ReportView.SourceView source(String id) {
    ReportView.SourceView view = sources.get(id);
    if (view == null) {
      Source s = pack.source(id);
      view =
          new ReportView.SourceView(
              s.id(),
              s.title(),
              s.kind(),
              s.population(),
              Citations.population(s),
              s.grade(),
              s.labels(),
              s.citation());
      sources.put(id, view);
    }
    return view;
  }
}
