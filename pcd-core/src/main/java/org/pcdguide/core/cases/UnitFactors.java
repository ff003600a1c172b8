package org.pcdguide.core.cases;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Linear conversion factors, worked out by UCUM once per normalised unit pair and kept in a bounded
 * cache. The work runs on the given executor, outside any lock of the cache, so a slow unit never
 * holds up another; a caller waits for it at most the time budget, after which the unit is refused
 * (and not cached, so a later call may try again).
 */
final class UnitFactors {
  private final BiFunction<String, String, Optional<Double>> ucum;
  private final Duration budget;
  private final AsyncCache<String, Optional<Double>> cache;

  /** Unit strings as written, bounded and normalised ({@link UnitText#of}), as many as factors. */
  private final com.github.benmanes.caffeine.cache.Cache<String, UnitText> texts;

  /**
   * @param ucum the linear factor from a unit to another (both normalised), empty when UCUM does
   *     not convert them
   */
  UnitFactors(
      BiFunction<String, String, Optional<Double>> ucum,
      Duration budget,
      int maxEntries,
      Executor executor) {
    this.ucum = ucum;
    this.budget = budget;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).executor(executor).buildAsync();
    this.texts = Caffeine.newBuilder().maximumSize(maxEntries).executor(executor).build();
  }

  /** {@link UnitText#of}, kept for strings within the length bound (an EHR sends few units). */
  private UnitText text(String raw) {
    return raw.length() > UnitText.MAX_LENGTH ? UnitText.of(raw) : texts.get(raw, UnitText::of);
  }

  UnitConversion convert(double value, String from, String to) {
    if (!Double.isFinite(value)) {
      return new UnitConversion.OutOfRange();
    }
    if (from.equals(to)) {
      return new UnitConversion.Converted(value);
    }
    UnitText source = text(from);
    UnitText target = text(to);
    if (source instanceof UnitText.Refused r) {
      return new UnitConversion.Refused(r.reason());
    }
    if (!(source instanceof UnitText.Normalised s) || !(target instanceof UnitText.Normalised t)) {
      return new UnitConversion.Incompatible();
    }
    if (s.unit().equals(t.unit())) {
      return new UnitConversion.Converted(value);
    }
    Optional<Double> factor;
    String key = s.unit() + " -> " + t.unit();
    CompletableFuture<Optional<Double>> pending =
        cache.get(key, k -> ucum.apply(s.unit(), t.unit()));
    try {
      factor = pending.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cache.asMap().remove(key, pending);
      return new UnitConversion.Refused(
          "was not converted within the time budget of " + budget.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new UnitConversion.Refused("was not converted: the conversion was interrupted");
    } catch (ExecutionException e) {
      return new UnitConversion.Incompatible();
    }
    if (factor.isEmpty()) {
      return new UnitConversion.Incompatible();
    }
    double converted = value * factor.get();
    return Double.isFinite(converted)
        ? new UnitConversion.Converted(converted)
        : new UnitConversion.OutOfRange();
  }

  /** How many factors are cached now (after pending evictions are done); for tests. */
  long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }
}
