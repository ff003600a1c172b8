package org.pcdguide.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.pcdguide.app.AsOf;

/**
 * The durable audit log: every assessment and CDS Hooks call (who, what went in, which knowledge,
 * what came out) and every feedback, in an embedded SQLite database by default (any JDBC URL by
 * configuration; schema by Flyway migrations). A record is committed before the response is sent.
 */
public final class AuditLog {
  /**
   * One recorded call. {@code asOf} is the date it was assessed as of; {@code asOfZone} names the
   * zone whose date that was, when it was today (empty when the request or the case file gave the
   * date). Records written before schema V3 hold a REST call's {@code ?as-of} only, and no zone.
   */
  public record Record(
      String id,
      Instant recordedAt,
      String caller,
      String kind,
      String inputHash,
      String input,
      String inputType,
      Optional<String> asOf,
      Optional<String> asOfZone,
      String knowledge,
      String knowledgeHash,
      String outputHash,
      Optional<String> cards,
      Optional<String> reportToken) {}

  private final String url;
  private final String user;
  private final String password;
  private final AuditWriter writer;

  private AuditLog(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.writer =
        new AuditWriter(
            new AuditWriter.Connections() {
              @Override
              public Connection open() throws SQLException {
                return connection();
              }

              @Override
              public void durable(Connection c) throws SQLException {
                AuditLog.this.durable(c);
              }
            });
  }

  /**
   * The embedded database under {@code dataDir}, created and migrated on first use, with an earlier
   * version's H2 log there copied in first ({@link EmbeddedStore}).
   */
  public static AuditLog embedded(Path dataDir) {
    AuditLog log = open(EmbeddedStore.sqliteUrl(dataDir), "", "");
    if (EmbeddedStore.presentIn(dataDir)) {
      try (Connection c = log.connection()) {
        EmbeddedStore.importInto(c, dataDir);
      } catch (SQLException | IllegalStateException e) {
        log.close(); // its writer thread would otherwise outlive the failed open
        throw e instanceof IllegalStateException ise
            ? ise
            : new IllegalStateException("cannot open the audit log: " + e.getMessage(), e);
      }
    }
    return log;
  }

  /**
   * The audit database at {@code url}, migrated to the current schema; throws {@link
   * IllegalStateException} naming the database and the reason when it cannot be opened.
   */
  public static AuditLog open(String url, String user, String password) {
    try {
      Flyway.configure()
          .dataSource(url, user, password)
          .locations("classpath:db/audit")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      throw new IllegalStateException(
          "cannot open the audit database "
              + url.replaceAll("[?;].*", "")
              + ": "
              + String.valueOf(cause.getMessage()).lines().findFirst().orElse(""),
          e);
    }
    return new AuditLog(url, user, password);
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Records one call (with the token its full-report link carries, {@link #report}, for a CDS Hooks
   * call) assessed as of {@code asOf}, and returns the record's id once it is committed and durable
   * (group commit: concurrent calls share one commit, see {@link AuditWriter}).
   */
  public String record(
      Instant at,
      String caller,
      String kind,
      String input,
      String inputType,
      AsOf asOf,
      String knowledge,
      String knowledgeHash,
      String output,
      Optional<String> cards,
      Optional<String> reportToken) {
    return record(
        at,
        caller,
        kind,
        input,
        inputType,
        Optional.of(asOf.date().toString()),
        asOf.todayIn().map(java.time.ZoneId::getId),
        knowledge,
        knowledgeHash,
        output,
        cards,
        reportToken);
  }

  /** Records one call with a given as-of date (or none), as the records before schema V3 did. */
  public String record(
      Instant at,
      String caller,
      String kind,
      String input,
      String inputType,
      Optional<String> asOf,
      String knowledge,
      String knowledgeHash,
      String output,
      Optional<String> cards,
      Optional<String> reportToken) {
    return record(
        at,
        caller,
        kind,
        input,
        inputType,
        asOf,
        Optional.empty(),
        knowledge,
        knowledgeHash,
        output,
        cards,
        reportToken);
  }

  private String record(
      Instant at,
      String caller,
      String kind,
      String input,
      String inputType,
      Optional<String> asOf,
      Optional<String> asOfZone,
      String knowledge,
      String knowledgeHash,
      String output,
      Optional<String> cards,
      Optional<String> reportToken) {
    String id = AuditRows.timeOrderedId(at);
    writer.write(
        AuditRows.INSERT,
        java.util.Arrays.asList(
            id,
            Timestamp.from(at),
            caller,
            kind,
            sha256(input),
            input,
            inputType,
            asOf.orElse(null),
            asOfZone.orElse(null),
            knowledge,
            knowledgeHash,
            sha256(output),
            cards.orElse(null),
            reportToken.orElse(null)));
    return id;
  }

  /**
   * The record a full-report link names, if its token is known and the record is no older than
   * {@code maxAge} at {@code now}; an expired or unknown token gives nothing.
   */
  public Optional<Record> report(String token, java.time.Duration maxAge, Instant now) {
    if (!ReportTokens.wellFormed(token)) {
      return Optional.empty();
    }
    List<Record> r = query("SELECT * FROM audit_record WHERE report_token = ?", token);
    return r.stream().filter(x -> !x.recordedAt().plus(maxAge).isBefore(now)).findFirst();
  }

  /** A new report token: 128 bits from a cryptographic random source (it grants read access). */
  public static String newReportToken() {
    return ReportTokens.next();
  }

  /** Records one feedback on a card, durably, before the caller answers. */
  public void feedback(
      Instant at, String service, String card, String outcome, String reasons, String caller) {
    try (Connection c = connection()) {
      AuditFeedback.write(c, at, service, card, outcome, reasons, caller);
      durable(c);
    } catch (SQLException e) {
      throw new IllegalStateException("the feedback could not be written", e);
    }
  }

  /**
   * On an H2 database (configured with {@code --audit-jdbc-url}), forces the committed record into
   * the database file before the caller answers: H2 may otherwise keep the last commit in memory,
   * and a killed process lost it (AuditDurabilityTest, when H2 was the embedded store). The
   * embedded SQLite store (full sync on commit) and PostgreSQL are durable on commit.
   */
  private void durable(Connection c) throws SQLException {
    if (url.startsWith("jdbc:h2:")) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("CHECKPOINT");
      }
    }
  }

  /** Stops the writer (after the records it holds are written). */
  public void close() {
    writer.close();
  }

  /** The most recent records, newest first. */
  public List<Record> recent(int limit) {
    return query(
        "SELECT * FROM audit_record ORDER BY recorded_at DESC, id LIMIT ?", Math.max(1, limit));
  }

  /** The record with exactly this id. */
  public Optional<Record> get(String id) {
    return query("SELECT * FROM audit_record WHERE id = ?", id).stream().findFirst();
  }

  /** Feedback outcomes recorded for a card. */
  public List<String> feedbackFor(String card) {
    try (Connection c = connection()) {
      return AuditFeedback.outcomes(c, card);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read", e);
    }
  }

  /** The records {@code sql} selects, its parameters bound in order (never spliced into it). */
  private List<Record> query(String sql, Object... parameters) {
    List<Record> out = new ArrayList<>();
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        AuditRows.read(rs, out);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read", e);
    }
    return out;
  }

  /** The hash the log keeps of an input or output: {@code sha256:} and 64 hex digits. */
  public static String sha256(String text) {
    return AuditRows.sha256(text);
  }
}
