package org.pcdguide.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pcdguide.app.AsOf;
import org.pcdguide.core.knowledge.KnowledgePack;

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

  private final AuditConnections connections;
  private final AuditWriter writer;

  private AuditLog(String url, String user, String password) {
    this.connections = new AuditConnections(url, user, password);
    this.writer = new AuditWriter(connections);
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
    AuditSchema.migrate(url, user, password);
    return new AuditLog(url, user, password);
  }

  private Connection connection() throws SQLException {
    return connections.open();
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
    return record(
        new AuditRows.Call(
            at,
            caller,
            kind,
            input,
            inputType,
            asOf,
            asOfZone,
            knowledge,
            knowledgeHash,
            sha256(output),
            cards,
            reportToken),
        CdsCall.isService(kind) ? cards.map(IssuedCards::uuids).orElse(Set.of()) : Set.of());
  }

  /**
   * Records one CDS Hooks call whose response is {@code cards} (hashed as sent, its card uuids as
   * built), as {@link #record(Instant, String, String, String, String, AsOf, String, String,
   * String, Optional, Optional)} does.
   */
  String recordCall(
      Instant at,
      String caller,
      String kind,
      RecordedCall.Stored input,
      AsOf asOf,
      KnowledgePack pack,
      CardsResponse cards,
      Optional<String> reportToken) {
    return record(
        new AuditRows.Call(
            at,
            caller,
            kind,
            input.text(),
            input.type(),
            Optional.of(asOf.date().toString()),
            asOf.todayIn().map(java.time.ZoneId::getId),
            pack.version(),
            pack.hash(),
            cards.sha256(),
            Optional.of(cards.text()),
            reportToken),
        cards.uuids());
  }

  private String record(AuditRows.Call call, java.util.Collection<String> cardUuids) {
    String id = AuditRows.timeOrderedId(call.at());
    List<Object> values = call.values(id);
    AuditLimits.checkRecord(values);
    List<AuditWriter.Row> rows = new ArrayList<>(1 + cardUuids.size());
    rows.add(new AuditWriter.Row(AuditRows.INSERT, values));
    rows.addAll(IssuedCards.rows(id, call.kind(), cardUuids));
    writer.write(rows);
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
    List<Record> r = connections.query("SELECT * FROM audit_record WHERE report_token = ?", token);
    return r.stream().filter(x -> !x.recordedAt().plus(maxAge).isBefore(now)).findFirst();
  }

  /** A new report token: 128 bits from a cryptographic random source (it grants read access). */
  public static String newReportToken() {
    return ReportTokens.next();
  }

  /** Records one feedback on a card, durably, before the caller answers. */
  public void feedback(
      Instant at, String service, String card, String outcome, String reasons, String caller) {
    feedback(at, service, List.of(new AuditFeedback.Given(card, outcome, reasons)), caller);
  }

  /** Records every feedback of one request in one transaction: all of them or none. */
  public void feedback(Instant at, String service, List<AuditFeedback.Given> given, String caller) {
    writer.write(AuditFeedback.rows(at, service, given, caller));
  }

  /** Which of {@code cards} no call through {@code service} issued. */
  public List<String> unissued(String service, List<String> cards) {
    return connections.read(c -> IssuedCards.unissued(c, service, cards));
  }

  /** Every feedback recorded, oldest first. */
  public List<AuditFeedback.Recorded> allFeedback() {
    return connections.read(AuditFeedback::all);
  }

  /**
   * Deletes every record, feedback and issued card recorded before {@code before}, and the token
   * ids of tokens expired at {@code now}, in one transaction, and says how many of each it deleted.
   */
  public AuditRetention.Pruned prune(Instant before, Instant now) {
    try (Connection c = connection()) {
      return AuditRetention.prune(c, before, now, connections::durable);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be pruned: " + e.getMessage(), e);
    }
  }

  /** The token ids of CDS clients, kept in this store until their tokens expire. */
  public SeenTokens seenTokens() {
    return new StoredTokens(writer, connections);
  }

  /** Stops the writer (after the records it holds are written). */
  public void close() {
    writer.close();
  }

  /** The most recent records, newest first. */
  public List<Record> recent(int limit) {
    return connections.query(
        "SELECT * FROM audit_record ORDER BY recorded_at DESC, id LIMIT ?", Math.max(1, limit));
  }

  /** The records from {@code since} to before {@code until}, oldest first, paged (AuditPages). */
  public java.util.Iterator<Record> between(Instant since, Instant until) {
    return new AuditPages(connections, since, until);
  }

  /** The record with exactly this id. */
  public Optional<Record> get(String id) {
    return connections.query("SELECT * FROM audit_record WHERE id = ?", id).stream().findFirst();
  }

  /** Feedback outcomes recorded for a card. */
  public List<String> feedbackFor(String card) {
    return connections.read(c -> AuditFeedback.outcomes(c, card));
  }

  /** The hash the log keeps of an input or output: {@code sha256:} and 64 hex digits. */
  public static String sha256(String text) {
    return AuditRows.sha256(text);
  }
}
