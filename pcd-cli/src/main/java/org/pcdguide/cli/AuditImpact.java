package org.pcdguide.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Locale;
import org.pcdguide.core.facts.FactRegistry;
import org.pcdguide.core.knowledge.KnowledgePack;
import org.pcdguide.core.knowledge.YamlKnowledgePackSource;
import org.pcdguide.fhir.Terminology;
import org.pcdguide.server.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pcd audit impact}: what would change for past patients if the pack given by {@code
 * --knowledge} were deployed. Every recorded assessment and CDS Hooks call of a window is re-run, a
 * page of records at a time, and each changed report is named in the clinician's terms.
 */
@Command(
    name = "impact",
    description =
        "Re-run every recorded assessment and CDS Hooks call in a window with the pack of"
            + " --knowledge (default: the bundled one) and say, record by record and in sum, what"
            + " would change for those patients. Exit 0 when every record replays unchanged, 3 when"
            + " any changes or cannot be replayed.",
    mixinStandardHelpOptions = true)
final class AuditImpact implements java.util.concurrent.Callable<Integer> {
  @ParentCommand AuditCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Records from DATE (00:00 UTC) on; YYYY-MM-DD.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "Records up to the end of DATE (UTC); YYYY-MM-DD.")
  String until;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Examine at most N records, oldest first (default: all).")
  Integer limit;

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "text or json (JSON lines: one per changed or unreplayable record, then the"
              + " summary); default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--baseline",
      paramLabel = "DIR",
      description =
          "The pack the records were made with, the one deployed now (default: the bundled"
              + " pack).")
  Path baseline;

  @Override
  public Integer call() {
    ImpactReport.Style style = style(format);
    Instant from =
        day("--since", since)
            .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
            .orElse(Instant.EPOCH);
    Instant to =
        day("--until", until)
            .map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
            .orElse(Instant.parse("9999-12-31T00:00:00Z"));
    if (!from.isBefore(to)) {
      throw new UsageException("--since " + since + " is after --until " + until);
    }
    if (limit != null && limit < 1) {
      throw new UsageException("--limit " + limit + " must be at least 1");
    }
    KnowledgePack candidate = parent.pcd.pack();
    KnowledgePack before =
        baseline == null
            ? (parent.pcd.knowledgeDir == null
                ? candidate
                : YamlKnowledgePackSource.bundled().load(FactRegistry.CATALOG))
            : YamlKnowledgePackSource.directory(baseline).load(FactRegistry.CATALOG);
    ImpactReplay replay = new ImpactReplay(before, candidate, Terminology.bundled());
    ImpactReport report = new ImpactReport(spec.commandLine().getOut(), style, before, candidate);
    AuditLog log = parent.log();
    try {
      Iterator<AuditLog.Record> records = log.between(from, to);
      long left = limit == null ? Long.MAX_VALUE : limit;
      while (left-- > 0 && records.hasNext()) {
        AuditLog.Record r = records.next();
        report.add(r, replay.of(r));
      }
    } finally {
      log.close();
    }
    return report.end() ? Pcd.OK : Pcd.REPLAY_DIFFERS;
  }

  private static ImpactReport.Style style(String format) {
    try {
      return ImpactReport.Style.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format '" + format + "' is not one of text, json");
    }
  }

  private static java.util.Optional<LocalDate> day(String option, String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    try {
      if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        // a year of five digits or a sign would parse, and overflow the window's arithmetic
        throw new java.time.format.DateTimeParseException("not YYYY-MM-DD", text, 0);
      }
      return java.util.Optional.of(LocalDate.parse(text));
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException(option + " '" + text + "' is not a date (YYYY-MM-DD)");
    }
  }
}
