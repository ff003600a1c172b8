package org.pcdguide.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.pcdguide.server.AuditRetention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pcd audit prune --before DATE}: deletes what was recorded before the start of DATE (UTC),
 * in one transaction, and says how much it deleted.
 */
@Command(
    name = "prune",
    description =
        "Delete the audit records, feedback and issued cards recorded before DATE (00:00 UTC), all"
            + " in one transaction, and the ids of expired client tokens; prints how many.",
    mixinStandardHelpOptions = true)
final class AuditPrune implements java.util.concurrent.Callable<Integer> {
  @ParentCommand AuditCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--before", paramLabel = "DATE", required = true, description = "YYYY-MM-DD.")
  String before;

  @Override
  public Integer call() {
    LocalDate date;
    try {
      date = LocalDate.parse(before);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException("--before '" + before + "' is not a date (YYYY-MM-DD)");
    }
    java.time.Instant now = parent.pcd.clock().instant();
    if (date.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(now)) {
      throw new UsageException(
          "--before " + before + " is in the future: that would delete today's records too");
    }
    AuditRetention.Pruned p =
        parent.log().prune(date.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "pruned "
            + p.records()
            + " record(s), "
            + p.feedback()
            + " feedback, "
            + p.cards()
            + " issued card(s) recorded before "
            + date
            + " (UTC), and "
            + p.tokens()
            + " expired token id(s)");
    out.flush();
    return Pcd.OK;
  }
}
