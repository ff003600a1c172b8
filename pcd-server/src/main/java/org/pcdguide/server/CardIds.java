package org.pcdguide.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How one call's cards are named: the uuid that feedback names a card by. Since issue 16 a call's
 * card uuids are time-ordered (the layout of a version-7 uuid): the call's millisecond in the first
 * 48 bits, then bits of the MD5 of the hook instance and the card's key. The same call replays to
 * the same uuids, and the audit log's index of issued cards grows at one end: random uuids put
 * every card on a random page of that index, which doubled the store's write cost per call as it
 * grew (docs/benchmarks.md, 2026-12-06 fourth session). A call recorded without its instant (before
 * this) keeps its name-based version-3 uuids, so that it replays as it was answered.
 */
record CardIds(String hookInstance, Optional<Instant> issued) {
  CardIds {
    issued = issued.map(t -> Instant.ofEpochMilli(t.toEpochMilli()));
  }

  /** The name-based (version 3) uuids of a call recorded without its instant. */
  static CardIds nameBased(String hookInstance) {
    return new CardIds(hookInstance, Optional.empty());
  }

  /** The time-ordered uuids of a call answered at {@code issued} (to the millisecond). */
  static CardIds timeOrdered(String hookInstance, Instant issued) {
    return new CardIds(hookInstance, Optional.of(issued));
  }

  /** The uuid of the card {@code key} (an entry id, or a key naming the card's kind). */
  UUID of(String key) {
    UUID named = named(hookInstance, key);
    if (issued.isEmpty()) {
      return named;
    }
    ByteBuffer h =
        ByteBuffer.allocate(16)
            .putLong(named.getMostSignificantBits())
            .putLong(named.getLeastSignificantBits());
    long millis = issued.get().toEpochMilli() & 0xFFFF_FFFF_FFFFL;
    long msb = (millis << 16) | 0x7000L | (h.getShort(0) & 0x0FFFL);
    long lsb = (h.getLong(8) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /** The name-based (version 3) uuid of card {@code key} of a call with this hook instance. */
  static UUID named(String hookInstance, String key) {
    // UUID.nameUUIDFromBytes (version 3, MD5), with one digest per thread instead of a lookup
    MessageDigest md5 = MD5.get();
    md5.reset();
    byte[] h = md5.digest((hookInstance + "|" + key).getBytes(StandardCharsets.UTF_8));
    h[6] = (byte) ((h[6] & 0x0f) | 0x30);
    h[8] = (byte) ((h[8] & 0x3f) | 0x80);
    ByteBuffer b = ByteBuffer.wrap(h);
    return new UUID(b.getLong(), b.getLong());
  }

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (java.security.NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });
}
