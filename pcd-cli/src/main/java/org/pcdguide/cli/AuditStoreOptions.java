package org.pcdguide.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pcdguide.server.AuditLog;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the audit log is, for {@code pcd serve} and {@code pcd audit}: the embedded store under
 * {@code --data-dir}, or the database at {@code --audit-jdbc-url} (PostgreSQL) with its user and a
 * password from the {@value #PASSWORD_ENV} environment variable or {@code --audit-password-file},
 * never from the command line (which any user of the machine can read in the process list).
 */
final class AuditStoreOptions {
  static final String PASSWORD_ENV = "PCD_AUDIT_PASSWORD";

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "pcd-data",
      scope = ScopeType.INHERIT,
      description = "Where the embedded audit database lives (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--audit-jdbc-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "Audit database JDBC URL instead of the embedded one (e.g."
              + " jdbc:postgresql://db:5432/pcd_audit); its password comes from "
              + PASSWORD_ENV
              + " or --audit-password-file, never from the URL.")
  String url;

  @Option(
      names = "--audit-user",
      defaultValue = "",
      scope = ScopeType.INHERIT,
      description = "Audit database user.")
  String user;

  @Option(
      names = "--audit-password-file",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "A file whose first line is the audit database password (else the "
              + PASSWORD_ENV
              + " environment variable).")
  Path passwordFile;

  /** Refused: kept so that scripts that used it get the reason, not "unknown option". */
  @Option(names = "--audit-password", hidden = true, scope = ScopeType.INHERIT)
  String commandLinePassword;

  /** The audit log; for reading ({@code mustExist}), an absent data directory is an error. */
  AuditLog open(boolean mustExist, Map<String, String> env) {
    if (commandLinePassword != null) {
      throw new UsageException(
          "--audit-password is refused: a password on the command line is visible to every user"
              + " of the machine (ps); set "
              + PASSWORD_ENV
              + " or give --audit-password-file FILE");
    }
    if (url == null) {
      if (mustExist && !Files.isDirectory(dataDir)) {
        throw new UsageException(
            "--data-dir " + dataDir + ": no such directory (no audit log yet)");
      }
      try {
        return AuditLog.embedded(dataDir);
      } catch (IllegalStateException e) {
        throw new UsageException("--data-dir " + dataDir + ": " + e.getMessage());
      }
    }
    if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
      throw new UsageException(
          "--audit-jdbc-url: the URL carries a password; set "
              + PASSWORD_ENV
              + " or give --audit-password-file FILE instead");
    }
    try {
      return AuditLog.open(url, user, password(env));
    } catch (IllegalStateException e) {
      throw new UsageException("--audit-jdbc-url: " + e.getMessage());
    }
  }

  private String password(Map<String, String> env) {
    String fromEnv = env.get(PASSWORD_ENV);
    if (passwordFile == null) {
      return fromEnv == null ? "" : fromEnv;
    }
    if (fromEnv != null) {
      throw new UsageException(
          "--audit-password-file and " + PASSWORD_ENV + " are both given; give the password once");
    }
    try {
      return Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UsageException("--audit-password-file " + passwordFile + ": cannot be read");
    }
  }
}
