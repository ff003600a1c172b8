package org.pcdguide.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The embedded audit store under a data directory, and the audit log of an earlier version found
 * there (H2, {@code audit.mv.db}), copied in once: records and feedback in one transaction, then
 * the H2 file is renamed {@code audit.mv.db.imported}, never deleted. Its records have no {@code
 * as_of_zone} (schema V3): they replay as such records always did.
 */
final class EmbeddedStore {
  /** The tables copied; a fixed list, so the table names in the SQL below are never user input. */
  private static final List<String> TABLES = List.of("audit_record", "audit_feedback");

  /** Column names come from the H2 file's metadata; anything else than these is refused. */
  private static final Pattern COLUMN = Pattern.compile("[a-z_]{1,64}");

  private EmbeddedStore() {}

  /**
   * The URL of the current embedded store under {@code dataDir} (created when missing, owner-only:
   * {@link PrivateFiles}): SQLite in write-ahead-log mode with a full sync on every commit.
   */
  static String sqliteUrl(Path dataDir) {
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new IllegalStateException(dataDir + " is not a directory");
    }
    try {
      PrivateFiles.prepare(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
    }
    return "jdbc:sqlite:"
        + dataDir.toAbsolutePath().resolve("audit.db")
        + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000";
  }

  static boolean presentIn(Path dataDir) {
    return Files.exists(dataDir.resolve("audit.mv.db"));
  }

  static void importInto(Connection to, Path dataDir) {
    String h2 =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("audit")
            + ";DB_CLOSE_ON_EXIT=FALSE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    try (Connection from = DriverManager.getConnection(h2, "sa", "")) {
      to.setAutoCommit(false);
      for (String table : TABLES) {
        copy(from, to, table);
      }
      IssuedCards.backfill(to);
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
      Files.move(dataDir.resolve("audit.mv.db"), dataDir.resolve("audit.mv.db.imported"));
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
    try (Statement s = from.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
        if (!COLUMN.matcher(column).matches()) {
          throw new SQLException("unexpected column '" + column + "' in " + table);
        }
        columns.add(column);
      }
      try (PreparedStatement insert =
          to.prepareStatement(
              "INSERT OR IGNORE INTO "
                  + table
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES ("
                  + String.join(", ", Collections.nCopies(columns.size(), "?"))
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
}
