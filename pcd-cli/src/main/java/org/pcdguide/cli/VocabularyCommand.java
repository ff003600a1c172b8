package org.pcdguide.cli;

import java.io.PrintWriter;
import java.util.List;
import org.pcdguide.core.facts.FactDef;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.Vocabulary;
import org.pcdguide.core.render.FactTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd vocabulary}: every id a case file may use, with units, details and meanings. */
@Command(
    name = "vocabulary",
    description = "List the ids a case file may use, with units and details.",
    mixinStandardHelpOptions = true)
final class VocabularyCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand Pcd pcd;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    KnowledgePack pack = pcd.pack();
    Vocabulary v = pack.vocabulary();
    PrintWriter out = spec.commandLine().getOut();
    out.println("DIAGNOSES");
    v.diagnoses().values().forEach(d -> out.println("  " + d.id() + "  " + d.label()));
    out.println("FINDINGS (id: true | false | {present: bool, details})");
    for (Vocabulary.FindingDef f : v.findings().values()) {
      out.println("  " + f.id() + "  " + f.label());
      for (Vocabulary.DetailDef d : f.details().values()) {
        out.println(
            "      "
                + d.name()
                + ": "
                + d.type().word()
                + (d.values().isEmpty() ? "" : " " + d.values()));
      }
    }
    out.println("LABS (value + UCUM unit; any unit of the same dimension is converted)");
    v.labs()
        .values()
        .forEach(l -> out.println("  " + l.id() + "  [" + l.unit() + "]  " + l.label()));
    out.println("AGENTS (with their cited attributes: value, then source and locator)");
    for (Vocabulary.AgentDef a : v.agents().values()) {
      out.println("  " + a.id() + "  (" + a.agentClass() + ")  " + a.label());
      a.attributes()
          .forEach(
              (name, value) ->
                  out.println(
                      "      "
                          + name
                          + ": "
                          + value.value()
                          + "  ["
                          + String.join(
                              "; ",
                              value.evidence().stream()
                                  .map(
                                      ev ->
                                          ev.source()
                                              + ", "
                                              + ev.locator()
                                              + (ev.unsupported()
                                                  ? " (unsupported by a located source)"
                                                  : ""))
                                  .toList())
                          + "]"));
    }
    out.println("ATTRIBUTES (agents of these classes without a value: no pack source gives it)");
    for (Vocabulary.AttributeDef d : v.attributes().values()) {
      out.println("  " + d.id() + "  " + d.values() + "  " + d.label());
      List<String> unsourced =
          v.agents().values().stream()
              .filter(
                  a ->
                      d.appliesTo().contains(a.agentClass()) && !a.attributes().containsKey(d.id()))
              .map(Vocabulary.AgentDef::id)
              .toList();
      out.println(
          "      no source: " + (unsourced.isEmpty() ? "none" : String.join(", ", unsourced)));
    }
    out.println("REGIMENS");
    v.regimens()
        .values()
        .forEach(r -> out.println("  " + r.id() + "  = " + String.join(" + ", r.agents())));
    out.println(
        "FACTS (names a knowledge entry's condition may use; plus finding.<id> for every finding)");
    for (FactDef f : FactRegistry.all()) {
      out.println(
          "  "
              + f.name()
              + "  ("
              + f.type().word()
              + (f.values().isEmpty() ? "" : " " + f.values())
              + ")  "
              + FactTable.meaning(f, pack));
    }
    out.flush();
    return Pcd.OK;
  }
}
