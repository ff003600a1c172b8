package org.pcdguide.server;

import org.pcdguide.testkit.NeedsPostgres;

/**
 * {@link Issue15StoreTest} on PostgreSQL (started by .ci/run; the JDBC URL, user and password come
 * from PCD_TEST_POSTGRES_URL, _USER and _PASSWORD).
 */
@NeedsPostgres
class Issue15PostgresStoreTest extends Issue15StoreTest {
  @Override
  AuditLog open() {
    return AuditLog.open(url(), user(), password());
  }

  @Override
  AuditWriter.Connections connections() {
    return new AuditConnections(url(), user(), password());
  }

  private static String url() {
    return System.getenv("PCD_TEST_POSTGRES_URL");
  }

  private static String user() {
    return System.getenv("PCD_TEST_POSTGRES_USER");
  }

  private static String password() {
    return System.getenv("PCD_TEST_POSTGRES_PASSWORD");
  }
}
