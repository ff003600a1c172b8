package org.pcdguide.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** How an audit record is laid out in the {@code audit_record} table, both ways. */
final class AuditRows {
  static final String INSERT =
      "INSERT INTO audit_record (id, recorded_at, caller, kind, input_hash, input, input_type,"
          + " as_of, as_of_zone, knowledge, knowledge_hash, output_hash, cards, report_token)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  private AuditRows() {}

  /** One call to record, with its output already hashed. */
  record Call(
      Instant at,
      String caller,
      String kind,
      String input,
      String inputType,
      Optional<String> asOf,
      Optional<String> asOfZone,
      String knowledge,
      String knowledgeHash,
      String outputHash,
      Optional<String> cards,
      Optional<String> reportToken) {
    /** The {@link #INSERT} parameters of this call as record {@code id}. */
    List<Object> values(String id) {
      return java.util.Arrays.asList(
          id,
          java.sql.Timestamp.from(at),
          caller,
          kind,
          sha256(input),
          input,
          inputType,
          asOf.orElse(null),
          asOfZone.orElse(null),
          knowledge,
          knowledgeHash,
          outputHash,
          cards.orElse(null),
          reportToken.orElse(null));
    }
  }

  /**
   * A version 7 UUID (RFC 9562): the record's time in milliseconds, then random bits. Records
   * written one after another get ids in ascending order, so the primary key index grows at its
   * right edge (a random UUID rewrites index pages all over the tree on every commit; on the
   * embedded store that cost grew with the log). Ids name records; they are not secrets.
   */
  static String timeOrderedId(Instant at) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb).toString();
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #sha256(String)} of the text whose UTF-8 encoding is {@code utf8}. */
  static String sha256(byte[] utf8) {
    MessageDigest sha = SHA256.get();
    sha.reset();
    return "sha256:" + HexFormat.of().formatHex(sha.digest(utf8));
  }

  /** One digest per thread: looking the algorithm up costs more than hashing a call. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  static void read(ResultSet rs, List<AuditLog.Record> out) throws SQLException {
    while (rs.next()) {
      out.add(
          new AuditLog.Record(
              rs.getString("id"),
              rs.getTimestamp("recorded_at").toInstant(),
              rs.getString("caller"),
              rs.getString("kind"),
              rs.getString("input_hash"),
              rs.getString("input"),
              rs.getString("input_type"),
              Optional.ofNullable(rs.getString("as_of")),
              Optional.ofNullable(rs.getString("as_of_zone")),
              rs.getString("knowledge"),
              rs.getString("knowledge_hash"),
              rs.getString("output_hash"),
              Optional.ofNullable(rs.getString("cards")),
              Optional.ofNullable(rs.getString("report_token"))));
    }
  }
}
