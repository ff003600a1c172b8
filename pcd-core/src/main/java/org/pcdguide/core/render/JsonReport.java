package org.pcdguide.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.pcdguide.core.engine.Assessment;
import org.pcdguide.core.facts.FactValue;
import org.pcdguide.core.knowledge.Disagreement;
import org.pcdguide.core.knowledge.Entry;
import org.pcdguide.core.knowledge.Evidence;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Source;

/**
 * The machine-readable assessment ({@code pcd-assessment: 1}, spec/assessment.md). Field order is
 * fixed and lists keep the engine's order, so the same input and pack give byte-identical output.
 */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private JsonReport() {}

  public static String render(Assessment a, KnowledgePack pack) {
    try {
      return WRITER.writeValueAsString(tree(a, pack)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the assessment as JSON", e);
    }
  }

  public static ObjectNode tree(Assessment a, KnowledgePack pack) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("pcd-assessment", 1);
    ObjectNode knowledge = root.putObject("knowledge");
    knowledge.put("version", a.knowledgeVersion());
    knowledge.put("hash", a.knowledgeHash());
    ObjectNode c = root.putObject("case");
    c.put("id", a.caseId());
    c.put("as-of", a.asOf().toString());
    root.set("headline", headline(a, pack));
    ObjectNode dx = root.putObject("diagnosis");
    if (a.diagnosis().isPresent()) {
      Assessment.DiagnosisCheck d = a.diagnosis().get();
      dx.put("id", d.disorder());
      dx.put("status", d.status());
      strings(dx.putArray("because"), d.because());
      ArrayNode criteria = dx.putArray("criteria");
      for (Assessment.CriterionResult r : d.criteria()) {
        ObjectNode n = criteria.addObject();
        n.put("id", r.entry().id());
        n.put("group", r.entry().criterion().get().group());
        if (r.met().isPresent()) {
          n.put("met", r.met().get());
        } else {
          n.put("met", "unknown");
        }
        n.put("statement", r.entry().statement());
        strings(n.putArray("because"), r.because());
        evidence(n.putArray("evidence"), r.entry().evidence(), pack);
      }
    } else {
      dx.put("status", "not-assessed");
    }
    ArrayNode differential = root.putArray("differential");
    for (Assessment.Differential d : a.differential()) {
      ObjectNode n = differential.addObject();
      n.put("id", d.disorder());
      n.put("status", d.status());
      n.put("statement", d.statement());
      evidence(n.putArray("evidence"), d.rule().map(Entry::evidence).orElse(List.of()), pack);
    }
    root.put("extent", a.extent());
    strings(root.putArray("modules"), a.modules());
    ObjectNode facts = root.putObject("facts");
    for (Map.Entry<String, FactValue> f : a.facts().entrySet()) {
      ObjectNode n = facts.putObject(f.getKey());
      Object v = f.getValue() instanceof FactValue.Known k ? k.value() : null;
      if (v instanceof Boolean b) {
        n.put("value", b);
      } else if (v instanceof Double d && d == Math.rint(d)) {
        n.put("value", d.longValue());
      } else if (v instanceof Double d) {
        n.put("value", d);
      } else {
        n.put("value", f.getValue().display());
      }
      strings(n.putArray("because"), f.getValue().because());
    }
    items(root.putArray("recommendations"), a.recommendations(), pack);
    items(root.putArray("avoid"), a.avoid(), pack);
    items(root.putArray("pitfalls"), a.pitfalls(), pack);
    items(root.putArray("monitoring"), a.monitoring(), pack);
    items(root.putArray("timeline"), a.timeline(), pack);
    items(root.putArray("context"), a.context(), pack);
    ArrayNode trials = root.putArray("trials");
    for (Assessment.Trial t : a.trials()) {
      ObjectNode n = trials.addObject();
      n.put("id", t.entry().id());
      n.put("title", t.entry().title());
      t.entry().registry().ifPresent(r -> n.put("registry", r));
      n.put("module", t.module());
      n.put("eligible", t.eligible());
      strings(n.putArray("because"), t.because());
      strings(n.putArray("missing"), t.missing());
      n.put("statement", t.entry().statement());
      strings(n.putArray("labels"), Labels.of(t.entry(), pack));
      evidence(n.putArray("evidence"), t.entry().evidence(), pack);
    }
    ArrayNode gaps = root.putArray("source-gaps");
    for (org.pcdguide.core.knowledge.DisorderModule.SourceGap g : a.sourceGaps()) {
      gaps.addObject()
          .put("section", g.section())
          .put("source", g.source())
          .put("locator", g.locator())
          .put("statement", g.statement());
    }
    ArrayNode missing = root.putArray("missing-data");
    for (Assessment.MissingData m : a.missingData()) {
      ObjectNode n = missing.addObject();
      n.put("finding", m.finding());
      n.put("decides", m.decides());
      n.put("statement", m.statement());
      strings(n.putArray("blocks"), m.blocks());
    }
    ArrayNode warnings = root.putArray("warnings");
    for (Assessment.Warning w : a.warnings()) {
      warnings.addObject().put("id", w.id()).put("statement", w.statement());
    }
    return root;
  }

  private static ObjectNode headline(Assessment a, KnowledgePack pack) {
    ObjectNode h = MAPPER.createObjectNode();
    if (Headline.top(a).isPresent()) {
      Entry e = Headline.top(a).get().entry();
      h.put("id", e.id());
      h.put("statement", e.statement());
    } else {
      h.put("id", "none");
      h.put("statement", Headline.noRecommendation(a, pack));
    }
    return h;
  }

  private static void items(ArrayNode array, List<Assessment.Item> items, KnowledgePack pack) {
    for (Assessment.Item i : items) {
      Entry e = i.entry();
      ObjectNode n = array.addObject();
      n.put("id", e.id());
      n.put("rank", i.rank());
      n.put("kind", e.kind().word());
      n.put("module", i.module());
      if (!e.title().isEmpty()) {
        n.put("title", e.title());
      }
      strings(n.putArray("agents"), e.agents());
      e.regimen().ifPresent(r -> n.put("regimen", r));
      if (e.kind().treatment()) {
        // contract field (spec/assessment.md): present, possibly empty, on every recommendation
        strings(n.putArray("then"), i.then());
        strings(n.putArray("then-if-decided"), i.thenPending());
      }
      if (!i.severity().isEmpty()) {
        n.put("severity", i.severity());
        n.put("proposed", !i.proposed().isEmpty());
        strings(n.putArray("proposed-agents"), i.proposed());
      }
      e.item().ifPresent(v -> n.put("item", v));
      e.schedule().ifPresent(v -> n.put("schedule", v));
      i.windowFrom().ifPresent(d -> n.put("window-from", d.toString()));
      i.windowTo().ifPresent(d -> n.put("window-to", d.toString()));
      n.put("statement", e.statement());
      n.put("strength", e.strength());
      strings(n.putArray("labels"), Labels.of(e, pack));
      strings(n.putArray("because"), i.because());
      evidence(n.putArray("evidence"), e.evidence(), pack);
      ArrayNode dis = n.putArray("disagreements");
      for (Disagreement d : e.disagreements()) {
        Source s = pack.source(d.source());
        dis.addObject()
            .put("source", d.source())
            .put("kind", s.kind())
            .put("grade", s.grade())
            .put("locator", d.locator())
            .put("statement", d.statement());
      }
    }
  }

  private static void evidence(ArrayNode array, List<Evidence> evidence, KnowledgePack pack) {
    for (Evidence ev : evidence) {
      Source s = pack.source(ev.source());
      ObjectNode n = array.addObject();
      n.put("source", s.id());
      n.put("title", s.title());
      n.put("kind", s.kind());
      n.put("population", Citations.population(s));
      n.put("grade", s.grade());
      strings(n.putArray("labels"), s.labels());
      n.put("locator", ev.locator());
      ev.quote().ifPresent(q -> n.put("quote", q));
      ev.note().ifPresent(q -> n.put("note", q));
      if (ev.unsupported()) {
        n.put("unsupported", true);
      }
      List<String> identified = Citations.identified(ev, pack);
      if (!identified.isEmpty()) {
        strings(n.putArray("identified"), identified);
      }
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
