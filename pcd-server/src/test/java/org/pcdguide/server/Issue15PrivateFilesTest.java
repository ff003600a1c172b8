package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, defect 11: the audit store holds patient data, so on POSIX the data directory the
 * server creates is 0700 and the store's files are 0600, whatever the process's umask.
 */
class Issue15PrivateFilesTest {
  @Test
  void embeddedStore_dataDirectoryIs0700_andItsFilesAre0600(@TempDir Path tmp) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path data = tmp.resolve("pcd-data").resolve("audit");
    AuditLog log = AuditLog.embedded(data);
    try {
      log.record(
          Instant.parse("2026-11-01T10:00:00Z"),
          "anonymous (REST)",
          "assess",
          "{\"patient\": \"data\"}",
          "application/json",
          Optional.of("2026-11-01"),
          "2026.11.1",
          "sha256:abc",
          "report",
          Optional.empty(),
          Optional.empty());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
          .isEqualTo("rwx------");
      int files = 0;
      for (String name : PrivateFiles.STORE) {
        Path f = data.resolve(name);
        if (Files.exists(f)) {
          files++;
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
              .as(name)
              .isEqualTo("rw-------");
        }
      }
      // the database and, in write-ahead-log mode while open, its log
      assertThat(files).isGreaterThanOrEqualTo(2);
    } finally {
      log.close();
    }
  }
}
