package org.pcdguide.server;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link Issue15StoreTest} on the embedded SQLite store. */
class Issue15SqliteStoreTest extends Issue15StoreTest {
  @TempDir Path data;

  @Override
  AuditLog open() {
    return AuditLog.embedded(data);
  }

  @Override
  AuditWriter.Connections connections() {
    return new AuditConnections(EmbeddedStore.sqliteUrl(data), "", "");
  }
}
