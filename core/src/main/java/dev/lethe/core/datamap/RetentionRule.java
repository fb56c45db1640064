package dev.lethe.core.datamap;

import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of {@code entity} whose {@code column} is older than {@code maxAge} are deleted, or
 * anonymized with {@code set}, in pages after each of which the sweep waits {@code pauseRatio}
 * times as long as the page took (0: no wait), each of at most {@code batch} rows (0: as many as
 * the engine's batch sizes allow), at most {@code maxRowsPerSecond} of the rule's rows a second (0:
 * as fast as the pages and their pauses go).
 */
public record RetentionRule(
    String name,
    String entity,
    String column,
    Period maxAge,
    Action action,
    Map<String, Anonymization> set,
    double pauseRatio,
    int batch,
    long maxRowsPerSecond,
    SourceLocation location) {

  /** The largest pause ratio: a sweep a hundred times slower would never end. */
  public static final double MOST_PAUSE = 100;

  /** Whether {@code ratio} is a pause ratio a rule may have: from 0 to {@link #MOST_PAUSE}. */
  public static boolean isPauseRatio(double ratio) {
    return ratio >= 0 && ratio <= MOST_PAUSE;
  }

  /** The largest batch a rule may set: the engine's own batches reach 5,000 keys. */
  public static final int MOST_BATCH = 50_000;

  /** Whether {@code batch} is a batch a rule may have: 0 (the engine's) or 1 to the most. */
  public static boolean isBatch(long batch) {
    return batch >= 0 && batch <= MOST_BATCH;
  }

  /** The highest rate a rule may set: ten million rows a second is no limit at all. */
  public static final long MOST_RATE = 10_000_000;

  /** Whether {@code rate} is a rate a rule may have: 0 (no limit) or 1 to the most a second. */
  public static boolean isRate(long rate) {
    return rate >= 0 && rate <= MOST_RATE;
  }

  public enum Action {
    DELETE,
    ANONYMIZE
  }

  public RetentionRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(action, "action");
    set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    if (!isPauseRatio(pauseRatio)) {
      throw new IllegalArgumentException(
          "a pause ratio is from 0 to " + MOST_PAUSE + ", not " + pauseRatio);
    }
    if (!isBatch(batch)) {
      throw new IllegalArgumentException("a batch is from 0 to " + MOST_BATCH + ", not " + batch);
    }
    if (!isRate(maxRowsPerSecond)) {
      throw new IllegalArgumentException(
          "a rate is from 0 to " + MOST_RATE + " rows a second, not " + maxRowsPerSecond);
    }
    location = location == null ? SourceLocation.UNKNOWN : location;
  }
}
