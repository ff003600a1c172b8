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
import org.pcdguide.core.facts.Truth;
import org.pcdguide.core.knowledge.KnowledgePack;

/**
 * The machine-readable assessment ({@code pcd-assessment: 1}, docs/spec/assessment.md). Field order
 * is fixed and lists keep the engine's order, so the same input and pack give byte-identical
 * output.
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
    return render(ReportView.of(a, pack));
  }

  public static String render(ReportView v) {
    try {
      return WRITER.writeValueAsString(tree(v)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the assessment as JSON", e);
    }
  }

  public static ObjectNode tree(Assessment a, KnowledgePack pack) {
    return tree(ReportView.of(a, pack));
  }

  public static ObjectNode tree(ReportView v) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("pcd-assessment", 1);
    ObjectNode knowledge = root.putObject("knowledge");
    knowledge.put("version", v.knowledgeVersion());
    knowledge.put("hash", v.knowledgeHash());
    ObjectNode c = root.putObject("case");
    c.put("id", v.caseId());
    c.put("as-of", v.asOf().toString());
    SummaryJson.write(root.putArray("summary"), v.summary());
    root.set("headline", headline(v.headline()));
    diagnosis(root.putObject("diagnosis"), v);
    ArrayNode differential = root.putArray("differential");
    for (ReportView.Differential d : v.differential()) {
      ObjectNode n = differential.addObject();
      n.put("id", d.disorder());
      n.put("status", d.status().word());
      n.put("statement", d.statement());
      evidence(n.putArray("evidence"), d.evidence());
    }
    root.put("extent", v.extent());
    strings(root.putArray("modules"), v.modules());
    facts(root.putObject("facts"), v.facts());
    items(root.putArray("recommendations"), v.recommendations());
    items(root.putArray("avoid"), v.avoid());
    items(root.putArray("pitfalls"), v.pitfalls());
    items(root.putArray("monitoring"), v.monitoring());
    items(root.putArray("timeline"), v.timeline());
    items(root.putArray("context"), v.context());
    ArrayNode trials = root.putArray("trials");
    for (ReportView.Trial t : v.trials()) {
      ObjectNode n = trials.addObject();
      n.put("id", t.id());
      n.put("title", t.title());
      t.registry().ifPresent(r -> n.put("registry", r));
      n.put("module", t.module());
      n.put("eligible", t.eligible().word());
      strings(n.putArray("because"), t.because());
      strings(n.putArray("missing"), t.missing());
      n.put("statement", t.statement());
      strings(n.putArray("labels"), t.labels());
      evidence(n.putArray("evidence"), t.evidence());
    }
    ArrayNode gaps = root.putArray("source-gaps");
    for (ReportView.SourceGap g : v.sourceGaps()) {
      gaps.addObject()
          .put("section", g.section())
          .put("source", g.source().id())
          .put("locator", g.locator())
          .put("statement", g.statement());
    }
    ArrayNode missing = root.putArray("missing-data");
    for (Assessment.MissingData m : v.missingData()) {
      ObjectNode n = missing.addObject();
      n.put("finding", m.finding());
      n.put("decides", m.decides());
      n.put("statement", m.statement());
      strings(n.putArray("blocks"), m.blocks());
    }
    ArrayNode warnings = root.putArray("warnings");
    for (ReportView.Warning w : v.warnings()) {
      warnings.addObject().put("id", w.id()).put("statement", w.statement());
    }
    ArrayNode notOffered = root.putArray("not-offered");
    for (ReportView.NotOffered n : v.notOffered()) {
      notOffered
          .addObject()
          .put("id", n.id())
          .put("title", n.title())
          .put("module", n.module())
          .put("statement", n.statement());
    }
    orders(root.putArray("proposed-orders"), v);
    items(root.putArray("screening"), v.screening());
    items(root.putArray("plan"), v.plan());
    return root;
  }

  private static void orders(ArrayNode array, ReportView v) {
    for (ReportView.ProposedOrder o : v.proposedOrders().values()) {
      ObjectNode n = array.addObject();
      n.put("id", o.id());
      n.put("label", o.label());
      strings(n.putArray("agents"), o.agents());
      ArrayNode verdicts = n.putArray("verdicts");
      for (ReportView.Verdict d : o.verdicts()) {
        ObjectNode x = verdicts.addObject();
        x.put("kind", d.kind().word());
        d.entry().ifPresent(e -> x.put("entry", e));
        if (d.rank() > 0) {
          x.put("rank", d.rank());
        }
        x.put("severity", d.severity().map(s -> s.word()).orElse("info"));
        x.put("statement", d.statement());
        strings(x.putArray("because"), d.because());
      }
    }
  }

  private static void diagnosis(ObjectNode dx, ReportView v) {
    if (v.diagnosis().isEmpty()) {
      dx.put("status", "not-assessed");
      return;
    }
    ReportView.Diagnosis d = v.diagnosis().get();
    dx.put("id", d.disorder());
    dx.put("status", d.status().word());
    strings(dx.putArray("because"), d.because());
    ArrayNode criteria = dx.putArray("criteria");
    for (ReportView.Criterion r : d.criteria()) {
      ObjectNode n = criteria.addObject();
      n.put("id", r.id());
      n.put("group", r.group());
      if (r.met() == Truth.UNKNOWN) {
        n.put("met", "unknown");
      } else {
        n.put("met", r.met() == Truth.TRUE);
      }
      n.put("statement", r.statement());
      strings(n.putArray("because"), r.because());
      evidence(n.putArray("evidence"), r.evidence());
    }
  }

  private static void facts(ObjectNode facts, Map<String, FactValue> values) {
    for (Map.Entry<String, FactValue> f : values.entrySet()) {
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
  }

  private static ObjectNode headline(ReportView.Headline h) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", h.id());
    n.put("statement", h.statement());
    ArrayNode flags = n.putArray("flags");
    for (ReportView.Flag f : h.flags()) {
      ObjectNode flag = flags.addObject();
      flag.put("severity", f.severity().word());
      flag.put("statement", f.text());
      strings(flag.putArray("entries"), f.entries());
    }
    return n;
  }

  private static void items(ArrayNode array, List<ReportView.Item> items) {
    for (ReportView.Item i : items) {
      ObjectNode n = array.addObject();
      n.put("id", i.id());
      n.put("rank", i.rank());
      n.put("kind", i.kind().word());
      n.put("module", i.module());
      if (!i.title().isEmpty()) {
        n.put("title", i.title());
      }
      strings(n.putArray("agents"), i.agents());
      i.regimen().ifPresent(r -> n.put("regimen", r));
      if (i.kind().treatment()) {
        // contract field (spec/assessment.md): present, possibly empty, on every recommendation
        strings(n.putArray("then"), i.then());
        strings(n.putArray("then-if-decided"), i.thenPending());
        n.put("proposed", !i.proposedOrders().isEmpty());
        i.given().ifPresent(g -> n.put("given-before", g));
        i.conditional().ifPresent(c -> n.put("conditional", c));
        i.renalDosing().ifPresent(r -> renal(n.putObject("renal-dosing"), r));
      }
      i.byAttribute()
          .ifPresent(
              c -> {
                ObjectNode x = n.putObject("class");
                x.put("attribute", c.attribute()).put("label", c.label()).put("value", c.value());
                strings(x.putArray("members"), c.members());
                strings(x.putArray("unsourced"), c.unsourced());
              });
      i.severity()
          .ifPresent(
              s -> {
                n.put("severity", s.word());
                n.put("proposed", !i.proposed().isEmpty());
                strings(n.putArray("proposed-agents"), i.proposed());
              });
      if (i.kind() == org.pcdguide.core.knowledge.EntryKind.SCREENING) {
        strings(n.putArray("holds"), i.proposed());
      }
      i.item().ifPresent(v -> n.put("item", v));
      i.schedule().ifPresent(v -> n.put("schedule", v));
      i.windowFrom().ifPresent(d -> n.put("window-from", d.toString()));
      i.windowTo().ifPresent(d -> n.put("window-to", d.toString()));
      n.put("statement", i.statement());
      n.put("strength", i.strength().word());
      strings(n.putArray("labels"), i.labels());
      strings(n.putArray("because"), i.because());
      evidence(n.putArray("evidence"), i.evidence());
      ArrayNode dis = n.putArray("disagreements");
      for (ReportView.Disagreement d : i.disagreements()) {
        dis.addObject()
            .put("source", d.source().id())
            .put("kind", d.source().kind().word())
            .put("grade", d.source().grade().word())
            .put("locator", d.locator())
            .put("statement", d.statement());
      }
    }
  }

  private static void renal(ObjectNode n, ReportView.RenalDosing r) {
    n.put("renal-function", r.impaired() ? "impaired" : "undecided");
    strings(n.putArray("adjust"), r.adjust());
    strings(n.putArray("not-required"), r.notRequired());
    strings(n.putArray("sources"), r.sources());
    strings(n.putArray("unsourced"), r.unsourced());
    n.put("statement", r.statement());
  }

  private static void evidence(ArrayNode array, List<ReportView.Evidence> evidence) {
    for (ReportView.Evidence ev : evidence) {
      ReportView.SourceView s = ev.source();
      ObjectNode n = array.addObject();
      n.put("source", s.id());
      n.put("title", s.title());
      n.put("kind", s.kind().word());
      n.put("population", s.populationText());
      n.put("grade", s.grade().word());
      // the one label rule (ReportView.Evidence.labels): unsupported is a label like veterinary
      strings(n.putArray("labels"), ev.labels());
      n.put("locator", ev.locator());
      ev.quote().ifPresent(q -> n.put("quote", q));
      ev.note().ifPresent(q -> n.put("note", q));
      if (ev.unsupported()) {
        n.put("unsupported", true);
      }
      if (!ev.identified().isEmpty()) {
        strings(n.putArray("identified"), ev.identified());
      }
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
