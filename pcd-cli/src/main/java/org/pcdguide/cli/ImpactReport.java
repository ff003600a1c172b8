package org.pcdguide.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.server.AuditLog;

/**
 * Writes {@code pcd audit impact}'s findings as they come (a changed or unreplayable record at a
 * time, nothing kept but the {@link ImpactTally}), then the summary: as text for an operator or as
 * JSON lines for a script. Every recorded value is escaped for the terminal.
 */
final class ImpactReport {
  enum Style {
    TEXT,
    JSON
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final Style style;
  private final KnowledgePack baseline;
  private final KnowledgePack candidate;
  private final ImpactTally tally = new ImpactTally();

  ImpactReport(PrintWriter out, Style style, KnowledgePack baseline, KnowledgePack candidate) {
    this.out = out;
    this.style = style;
    this.baseline = baseline;
    this.candidate = candidate;
  }

  void add(AuditLog.Record r, ImpactOutcome outcome) {
    tally.add(outcome);
    if (outcome instanceof ImpactOutcome.Changed c) {
      if (style == Style.JSON) {
        ObjectNode n = record("changed", r);
        c.changes()
            .forEach(
                ch ->
                    n.withArray("changes")
                        .addObject()
                        .put("kind", ch.kind().words())
                        .put("change", ch.text()));
        out.println(n);
      } else {
        out.println(line(r) + "  changed");
        c.changes()
            .forEach(
                ch -> out.println("  " + ch.kind().words() + ": " + TerminalText.safe(ch.text())));
      }
    } else if (outcome instanceof ImpactOutcome.NotReplayable n) {
      if (style == Style.JSON) {
        out.println(
            record("not-replayable", r).put("reason", n.reason()).put("detail", n.detail()));
      } else {
        out.println(line(r) + "  not replayable: " + TerminalText.safe(n.detail()));
      }
    }
  }

  /** Writes the summary; true when every record examined replayed unchanged. */
  boolean end() {
    if (style == Style.JSON) {
      ObjectNode n = JSON.createObjectNode().put("type", "summary");
      pack(n.putObject("baseline"), baseline);
      pack(n.putObject("knowledge"), candidate);
      n.put("examined", tally.examined)
          .put("unchanged", tally.unchanged)
          .put("changed", tally.changed)
          .put("not-replayable", tally.notReplayable);
      ObjectNode reasons = n.putObject("not-replayable-reasons");
      tally.reasons.forEach(reasons::put);
      ObjectNode changes = n.putObject("changes");
      tally.changes.forEach((k, v) -> changes.put(k.words(), v));
      out.println(n);
    } else {
      out.println(
          "examined "
              + tally.examined
              + ", unchanged "
              + tally.unchanged
              + ", changed "
              + tally.changed
              + ", not replayable "
              + tally.notReplayable
              + " (knowledge "
              + candidate.version()
              + " "
              + candidate.hash()
              + " against the baseline "
              + baseline.version()
              + " "
              + baseline.hash()
              + ")");
      for (Map.Entry<String, Long> e : tally.reasons.entrySet()) {
        out.println("not replayable, " + e.getKey() + ": " + e.getValue());
      }
      tally.changes.forEach((k, v) -> out.println(k.words() + ": " + v));
    }
    out.flush();
    return tally.examined == tally.unchanged;
  }

  private static void pack(ObjectNode n, KnowledgePack pack) {
    n.put("version", pack.version()).put("hash", pack.hash());
  }

  private static ObjectNode record(String type, AuditLog.Record r) {
    return JSON.createObjectNode()
        .put("type", type)
        .put("id", r.id())
        .put("recorded-at", r.recordedAt().toString())
        .put("kind", r.kind());
  }

  private static String line(AuditLog.Record r) {
    return TerminalText.safe(r.id()) + "  " + r.recordedAt() + "  " + TerminalText.safe(r.kind());
  }
}
