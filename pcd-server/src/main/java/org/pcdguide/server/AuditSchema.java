package org.pcdguide.server;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The audit database's schema: the SQL migrations under {@code db/audit} (those under {@code
 * db/audit-vendor/sqlite} for SQLite only) and the Java migrations listed here.
 */
final class AuditSchema {
  private AuditSchema() {}

  /** Migrates the database at {@code url}; throws naming the database and the first reason. */
  static void migrate(String url, String user, String password) {
    try {
      Flyway.configure()
          .dataSource(url, user, password)
          .locations(locations(url))
          .javaMigrations(new IssuedCardsFromRecords())
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
  }

  /**
   * The common migrations, and the SQLite store's own (V6: the column sizes the other databases
   * enforce themselves). Flyway scans a location's sub-folders, so the vendors' folders are beside
   * {@code db/audit}, not in it.
   */
  private static String[] locations(String url) {
    return url.startsWith("jdbc:sqlite:")
        ? new String[] {"classpath:db/audit", "classpath:db/audit-vendor/sqlite"}
        : new String[] {"classpath:db/audit"};
  }

  /** V5: the cards of calls recorded before V4, read from their records' cards column. */
  static final class IssuedCardsFromRecords implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
      return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
      return "issued cards from records";
    }

    @Override
    public Integer getChecksum() {
      return 5;
    }

    @Override
    public boolean canExecuteInTransaction() {
      return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
      IssuedCards.backfill(context.getConnection());
    }
  }
}
