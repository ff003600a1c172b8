package org.pcdguide.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The durable audit log: every assessment and CDS Hooks call (who, what went in, which knowledge,
 * what came out) and every feedback, in an embedded SQLite database by default (any JDBC URL by
 * configuration; schema by Flyway migrations). A record is committed before the response is sent.
 */
public final class AuditLog {
  /** One recorded call. */
  public record Record(
      String id,
      Instant recordedAt,
      String caller,
      String kind,
      String inputHash,
      String input,
      String inputType,
      Optional<String> asOf,
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
   * The embedded database under {@code dataDir}: SQLite in write-ahead-log mode with a full sync on
   * every commit, created and migrated on first use. A data directory that holds an audit log of an
   * earlier version (H2, {@code audit.mv.db}) has its records and feedback copied in first; the H2
   * file is then renamed {@code audit.mv.db.imported}, never deleted.
   */
  public static AuditLog embedded(Path dataDir) {
    if (java.nio.file.Files.exists(dataDir) && !java.nio.file.Files.isDirectory(dataDir)) {
      throw new IllegalStateException(dataDir + " is not a directory");
    }
    try {
      java.nio.file.Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
    }
    AuditLog log =
        open(
            "jdbc:sqlite:"
                + dataDir.toAbsolutePath().resolve("audit.db")
                + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000",
            "",
            "");
    if (java.nio.file.Files.exists(dataDir.resolve("audit.mv.db"))) {
      try {
        log.importH2(dataDir);
      } catch (IllegalStateException e) {
        log.close(); // its writer thread would otherwise outlive the failed open
        throw e;
      }
    }
    return log;
  }

  /** Copies an H2 audit log of an earlier version into this one, in one transaction. */
  private void importH2(Path dataDir) {
    String h2 =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("audit")
            + ";DB_CLOSE_ON_EXIT=FALSE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    try (Connection from = DriverManager.getConnection(h2, "sa", "");
        Connection to = connection()) {
      to.setAutoCommit(false);
      for (String table : List.of("audit_record", "audit_feedback")) {
        copy(from, to, table);
      }
      to.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot import the earlier audit log "
              + dataDir.resolve("audit.mv.db")
              + " (left as it was): "
              + e.getMessage(),
          e);
    }
    try {
      java.nio.file.Files.move(
          dataDir.resolve("audit.mv.db"), dataDir.resolve("audit.mv.db.imported"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "imported the earlier audit log but cannot rename "
              + dataDir.resolve("audit.mv.db")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Copies the rows of {@code table} that {@code to} lacks, column by column (by name). */
  private static void copy(Connection from, Connection to, String table) throws SQLException {
    try (java.sql.Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      java.sql.ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
      try (PreparedStatement insert =
          to.prepareStatement(
              "INSERT OR IGNORE INTO "
                  + table
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES ("
                  + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
                  + ")")) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            insert.setObject(i, rs.getObject(i));
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
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
   * call) and returns the record's id once it is committed and durable (group commit: concurrent
   * calls share one commit, see {@link AuditWriter}).
   */
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
    String id = timeOrderedId(at);
    writer.write(
        "INSERT INTO audit_record (id, recorded_at, caller, kind, input_hash, input, input_type,"
            + " as_of, knowledge, knowledge_hash, output_hash, cards, report_token)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        java.util.Arrays.asList(
            id,
            Timestamp.from(at),
            caller,
            kind,
            sha256(input),
            input,
            inputType,
            asOf.orElse(null),
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
    if (!REPORT_TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    List<Record> r = new ArrayList<>();
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement("SELECT * FROM audit_record WHERE report_token = ?")) {
      s.setString(1, token);
      try (ResultSet rs = s.executeQuery()) {
        read(rs, r);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read", e);
    }
    return r.stream().filter(x -> !x.recordedAt().plus(maxAge).isBefore(now)).findFirst();
  }

  /** 128 random bits, base64url without padding: what {@link #newReportToken()} makes. */
  private static final java.util.regex.Pattern REPORT_TOKEN =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22}");

  private static final java.security.SecureRandom TOKENS = new java.security.SecureRandom();

  /** A new report token: 128 bits from a cryptographic random source (it grants read access). */
  public static String newReportToken() {
    byte[] b = new byte[16];
    TOKENS.nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * A version 7 UUID (RFC 9562): the record's time in milliseconds, then random bits. Records
   * written one after another get ids in ascending order, so the primary key index grows at its
   * right edge (a random UUID rewrites index pages all over the tree on every commit; on the
   * embedded store that cost grew with the log). Ids name records; they are not secrets.
   */
  static String timeOrderedId(Instant at) {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb).toString();
  }

  public void feedback(
      Instant at, String service, String card, String outcome, String reasons, String caller) {
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_feedback (id, recorded_at, service, card_uuid, outcome, override_reasons, caller)"
                    + " VALUES (?,?,?,?,?,?,?)")) {
      s.setString(1, UUID.randomUUID().toString());
      s.setTimestamp(2, Timestamp.from(at));
      s.setString(3, service);
      s.setString(4, card);
      s.setString(5, outcome);
      s.setString(6, reasons);
      s.setString(7, caller);
      s.executeUpdate();
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
        "SELECT * FROM audit_record ORDER BY recorded_at DESC, id LIMIT " + Math.max(1, limit));
  }

  public Optional<Record> get(String id) {
    List<Record> r =
        query("SELECT * FROM audit_record WHERE id = '" + id.replaceAll("[^0-9a-f-]", "") + "'");
    return r.stream().findFirst();
  }

  /** Feedback outcomes recorded for a card. */
  public List<String> feedbackFor(String card) {
    List<String> out = new ArrayList<>();
    try (Connection c = connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT outcome FROM audit_feedback WHERE card_uuid = ? ORDER BY recorded_at")) {
      s.setString(1, card);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read", e);
    }
    return out;
  }

  private List<Record> query(String sql) {
    List<Record> out = new ArrayList<>();
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      read(rs, out);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit log could not be read", e);
    }
    return out;
  }

  private static void read(ResultSet rs, List<Record> out) throws SQLException {
    while (rs.next()) {
      out.add(
          new Record(
              rs.getString("id"),
              rs.getTimestamp("recorded_at").toInstant(),
              rs.getString("caller"),
              rs.getString("kind"),
              rs.getString("input_hash"),
              rs.getString("input"),
              rs.getString("input_type"),
              Optional.ofNullable(rs.getString("as_of")),
              rs.getString("knowledge"),
              rs.getString("knowledge_hash"),
              rs.getString("output_hash"),
              Optional.ofNullable(rs.getString("cards")),
              Optional.ofNullable(rs.getString("report_token"))));
    }
  }

  public static String sha256(String text) {
    try {
      return "sha256:"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
