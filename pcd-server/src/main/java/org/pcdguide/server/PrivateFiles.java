package org.pcdguide.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The embedded audit store holds patient data: on a POSIX file system its data directory is created
 * readable by its owner only (0700) and its database files are 0600 (SQLite gives its WAL and
 * shared-memory files the database file's permissions). Elsewhere the file system's defaults apply
 * (docs/security.md).
 */
final class PrivateFiles {
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  /** The files of the embedded store in its data directory. */
  static final List<String> STORE = List.of("audit.db", "audit.db-wal", "audit.db-shm");

  private PrivateFiles() {}

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates {@code dataDir} (and missing parents) owner-only; an existing directory is left as the
   * operator made it. Creates the database file owner-only before SQLite opens it, and makes the
   * store's existing files owner-only.
   */
  static void prepare(Path dataDir) throws IOException {
    if (!posix()) {
      Files.createDirectories(dataDir);
      return;
    }
    if (!Files.exists(dataDir)) {
      Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    }
    Path db = dataDir.resolve(STORE.get(0));
    if (!Files.exists(db)) {
      Files.createFile(db, PosixFilePermissions.asFileAttribute(FILE));
    }
    for (String name : STORE) {
      Path f = dataDir.resolve(name);
      if (Files.isRegularFile(f)) {
        Files.setPosixFilePermissions(f, FILE);
      }
    }
  }
}
