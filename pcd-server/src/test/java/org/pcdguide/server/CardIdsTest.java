package org.pcdguide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Card uuids (issue 16): a call answered at an instant names its cards with time-ordered uuids
 * (feedback names a card by it, and the audit log indexes it); a call recorded without its instant
 * keeps the name-based uuids it was answered with.
 */
class CardIdsTest {
  @Property(tries = 300)
  void timeOrdered_isAVersion7UuidCarryingTheMillisecond_andTheSameForTheSameCall(
      @ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long millis,
      @ForAll String hookInstance,
      @ForAll String key) {
    Instant at = Instant.ofEpochMilli(millis).plusNanos(999_999);
    UUID id = CardIds.timeOrdered(hookInstance, at).of(key);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    assertThat(CardIds.timeOrdered(hookInstance, Instant.ofEpochMilli(millis)).of(key))
        .isEqualTo(id);
    // the text is a FHIR id, as feedback and the audit log require
    assertThat(AuditLimits.FHIR_ID.matcher(id.toString()).matches()).isTrue();
  }

  @Test
  void cardsOfOneCall_differ_andALaterCallsCardsSortAfterThem() {
    Instant at = Instant.parse("2026-12-06T22:00:00.123Z");
    CardIds first = CardIds.timeOrdered("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", at);
    CardIds later = CardIds.timeOrdered("00000000-0000-4000-8000-000000000000", at.plusMillis(1));
    List<String> keys = List.of("POEMS-TX-001", "POEMS-TX-004", "missing-data", "conditional");
    List<String> firsts = new ArrayList<>();
    for (String k : keys) {
      firsts.add(first.of(k).toString());
    }
    assertThat(firsts).doesNotHaveDuplicates();
    for (String k : keys) {
      for (String f : firsts) {
        assertThat(later.of(k).toString()).isGreaterThan(f);
      }
    }
    // another hook instance in the same millisecond names the same card differently
    assertThat(CardIds.timeOrdered("h-2", at).of("POEMS-TX-001"))
        .isNotEqualTo(CardIds.timeOrdered("h-1", at).of("POEMS-TX-001"));
  }

  @Test
  void nameBased_isTheVersion3UuidOfHookInstanceAndKey_asCallsWereAnsweredBefore() {
    UUID id = CardIds.nameBased("h-1").of("POEMS-TX-001");
    assertThat(id).isEqualTo(CardIds.named("h-1", "POEMS-TX-001"));
    assertThat(id.version()).isEqualTo(3);
  }
}
