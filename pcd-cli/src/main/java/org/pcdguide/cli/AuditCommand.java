package org.pcdguide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.fhir.Terminology;
import org.pcdguide.server.AuditLog;
import org.pcdguide.server.AuditReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pcd audit show|export|replay}: reads the server's audit log back. */
@Command(
    name = "audit",
    description = "Read the audit log of pcd serve.",
    mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.Show.class, AuditCommand.Export.class, AuditCommand.Replay.class})
final class AuditCommand implements Runnable {
  @ParentCommand Pcd pcd;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "pcd-data",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The data directory of pcd serve (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public void run() {
    throw new UsageException("audit: a subcommand is required (show, export, replay)");
  }

  AuditLog log() {
    if (!java.nio.file.Files.isDirectory(dataDir)) {
      throw new UsageException("--data-dir " + dataDir + ": no such directory (no audit log yet)");
    }
    try {
      return AuditLog.embedded(dataDir);
    } catch (IllegalStateException e) {
      throw new UsageException("--data-dir " + dataDir + ": " + e.getMessage());
    }
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
        out.println(
            r.id()
                + "  "
                + r.recordedAt()
                + "  "
                + r.kind()
                + "  "
                + r.caller()
                + "  knowledge "
                + r.knowledge()
                + "  in "
                + r.inputHash()
                + "  out "
                + r.outputHash());
      }
      out.flush();
      return Pcd.OK;
    }
  }

  /** Every record as one JSON line. */
  @Command(
      name = "export",
      description = "Export the audit records as JSON lines.",
      mixinStandardHelpOptions = true)
  static final class Export implements java.util.concurrent.Callable<Integer> {
    @ParentCommand AuditCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ObjectMapper json = new ObjectMapper();
      PrintWriter out = spec.commandLine().getOut();
      for (AuditLog.Record r : parent.log().recent(Integer.MAX_VALUE)) {
        ObjectNode n = json.createObjectNode();
        n.put("id", r.id())
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
