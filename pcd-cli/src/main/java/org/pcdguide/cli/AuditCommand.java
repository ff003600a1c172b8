package org.pcdguide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.Terminology;
import org.pcdguide.server.AuditLog;
import org.pcdguide.server.AuditReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pcd audit show|export|replay|prune|impact}: reads the server's audit log back (the
 * embedded store or the {@code --audit-jdbc-url} database, as {@code pcd serve} has it), prunes it,
 * and says what a new pack would change for the patients recorded ({@link AuditImpact}).
 */
@Command(
    name = "audit",
    description =
        "Read the audit log of pcd serve (embedded, or --audit-jdbc-url), prune it, or measure a"
            + " new pack's impact on it.",
    mixinStandardHelpOptions = true,
    subcommands = {
      AuditCommand.Show.class,
      AuditCommand.Export.class,
      AuditCommand.Replay.class,
      AuditPrune.class,
      AuditImpact.class
    })
final class AuditCommand implements Runnable {
  @ParentCommand Pcd pcd;

  @picocli.CommandLine.Mixin AuditStoreOptions store;

  @Override
  public void run() {
    throw new UsageException(
        "audit: a subcommand is required (show, export, replay, prune, impact)");
  }

  AuditLog log() {
    return store.open(true, pcd.env());
  }

  /** The latest records, one line each. */
  @Command(
      name = "show",
      description = "List the latest audit records.",
      mixinStandardHelpOptions = true)
  static final class Show implements java.util.concurrent.Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--limit",
        defaultValue = "20",
        description = "How many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (AuditLog.Record r : parent.log().recent(limit)) {
        // every recorded value may come from a caller: escaped, one record is one line
        out.println(
            TerminalText.safe(r.id())
                + "  "
                + r.recordedAt()
                + "  "
                + TerminalText.safe(r.kind())
                + "  "
                + TerminalText.safe(r.caller())
                + "  knowledge "
                + TerminalText.safe(r.knowledge())
                + "  in "
                + TerminalText.safe(r.inputHash())
                + "  out "
                + TerminalText.safe(r.outputHash()));
      }
      out.flush();
      return Pcd.OK;
    }
  }

  /** Every record, then every feedback, as one JSON line each. */
  @Command(
      name = "export",
      description =
          "Export the audit records (\"type\": \"call\"), then the feedback (\"type\":"
              + " \"feedback\"), as JSON lines.",
      mixinStandardHelpOptions = true)
  static final class Export implements java.util.concurrent.Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ObjectMapper json = new ObjectMapper();
      PrintWriter out = spec.commandLine().getOut();
      AuditLog log = parent.log();
      for (AuditLog.Record r : log.recent(Integer.MAX_VALUE)) {
        ObjectNode n = json.createObjectNode();
        n.put("type", "call")
            .put("id", r.id())
            .put("recorded-at", r.recordedAt().toString())
            .put("caller", r.caller())
            .put("kind", r.kind());
        n.put("input-hash", r.inputHash()).put("input-type", r.inputType());
        r.asOf().ifPresent(a -> n.put("as-of", a));
        r.asOfZone().ifPresent(z -> n.put("as-of-zone", z));
        n.put("knowledge", r.knowledge())
            .put("knowledge-hash", r.knowledgeHash())
            .put("output-hash", r.outputHash());
        r.cards().ifPresent(c -> n.put("cards", c));
        out.println(n);
      }
      for (org.pcdguide.server.AuditFeedback.Recorded f : log.allFeedback()) {
        ObjectNode n = json.createObjectNode();
        n.put("type", "feedback").put("id", f.id()).put("recorded-at", f.recordedAt().toString());
        n.put("service", f.service()).put("card", f.card()).put("outcome", f.outcome());
        f.reasons().ifPresent(reasons -> n.put("override-reasons", reasons));
        out.println(n.put("caller", f.caller()));
      }
      out.flush();
      return Pcd.OK;
    }
  }

  /** Re-runs a recorded assessment and says whether today's pack gives the same output. */
  @Command(
      name = "replay",
      description =
          "Re-run a recorded assessment or CDS Hooks call with today's pack and compare the output.",
      mixinStandardHelpOptions = true)
  static final class Replay implements java.util.concurrent.Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      AuditLog.Record r =
          parent.log().get(id).orElseThrow(() -> new UsageException("audit: no record " + id));
      KnowledgePack pack = parent.pcd.pack();
      String output =
          AuditReplay.output(pack, Terminology.bundled(), r)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "audit: record " + id + " of kind " + r.kind() + " cannot be replayed"));
      boolean same = AuditLog.sha256(output).equals(r.outputHash());

      PrintWriter out = spec.commandLine().getOut();
      out.println(
          (same ? "same output" : "DIFFERENT output")
              + " for "
              + id
              + " (recorded with knowledge "
              + r.knowledge()
              + ", replayed with "
              + pack.version()
              + ")");
      out.flush();
      return same ? Pcd.OK : Pcd.REPLAY_DIFFERS;
    }
  }
}
