package org.pcdguide.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnitFactorsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void stop() {
    never.countDown();
    pool.shutdownNow();
  }

  private Optional<Double> stuck(String from, String to) {
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.of(1.0);
  }

  @Test
  void convert_unitNotConvertedWithinTheBudget_refusedAndNotCached() {
    UnitFactors factors = new UnitFactors(this::stuck, Duration.ofMillis(50), 10, pool);
    assertThat(factors.convert(1, "g/L", "g/dL"))
        .isEqualTo(new UnitConversion.Refused("was not converted within the time budget of 50 ms"));
    assertThat(factors.size()).isZero();
  }

  @Test
  void convert_slowUnit_doesNotHoldUpAnotherUnit() {
    UnitFactors factors =
        new UnitFactors(
            (from, to) -> from.equals("g/L") ? stuck(from, to) : Optional.of(0.1),
            Duration.ofSeconds(30),
            10,
            pool);
    Thread slow = new Thread(() -> factors.convert(1, "g/L", "g/dL"));
    slow.start();
    // before the fix the slow unit was worked out inside computeIfAbsent, under the map's lock
    assertThat(factors.convert(20, "mg/mL", "g/dL")).isEqualTo(new UnitConversion.Converted(2.0));
    never.countDown();
  }

  @Test
  void convert_annotatedVariants_shareOneCachedFactor() {
    AtomicInteger calls = new AtomicInteger();
    UnitFactors factors =
        new UnitFactors(
            (from, to) -> {
              calls.incrementAndGet();
              return Optional.of(0.1);
            },
            Duration.ofSeconds(30),
            10,
            pool);
    for (int i = 0; i < 100; i++) {
      assertThat(factors.convert(10, "g{sample " + i + "}/L", "g/dL"))
          .isEqualTo(new UnitConversion.Converted(1.0));
    }
    assertThat(calls).hasValue(1);
    assertThat(factors.size()).isEqualTo(1);
  }

  @Test
  void convert_manyDistinctUnits_cacheStaysWithinItsBound() {
    UnitFactors factors =
        new UnitFactors((from, to) -> Optional.of(1.0), Duration.ofSeconds(30), 10, pool);
    for (int i = 1; i <= 500; i++) {
      factors.convert(1, i + ".g/dL", "g/dL");
    }
    assertThat(factors.size()).isLessThanOrEqualTo(10);
  }

  @Test
  void convert_resultBeyondADouble_outOfRange() {
    UnitFactors factors =
        new UnitFactors((from, to) -> Optional.of(1000.0), Duration.ofSeconds(30), 10, pool);
    assertThat(factors.convert(1e308, "kg/dL", "g/dL")).isEqualTo(new UnitConversion.OutOfRange());
    assertThat(factors.convert(Double.NaN, "kg/dL", "g/dL"))
        .isEqualTo(new UnitConversion.OutOfRange());
    assertThat(factors.convert(1e300, "kg/dL", "g/dL"))
        .isEqualTo(new UnitConversion.Converted(1e303));
  }

  @Test
  void units_realUcum_cacheBoundedAndKeyedWithoutAnnotations() {
    long before = Units.cachedFactors();
    for (int i = 0; i < 50; i++) {
      assertThat(Units.convert(101, "g{lab " + i + "}/L", "g/dL")).isPresent();
    }
    assertThat(Units.cachedFactors()).isLessThanOrEqualTo(Math.min(before + 1, Units.MAX_FACTORS));
  }
}
