package dev.lethe.bench;

import java.util.Map;
import java.util.Objects;

/**
 * One contestant's run in a scenario.
 *
 * @param name {@code lethe}, {@code set-based-sql}, {@code on-delete-cascade}, {@code row-by-row}…
 * @param elapsedMillis wall-clock time of the measured work (extrapolated when sampled: see notes)
 * @param units how many {@code unit}s the work handled
 * @param unit {@code rows}, {@code contacts} or {@code callbacks}
 * @param perSecond units per second
 * @param extra further measurements by name, e.g. {@code p99_ms}, {@code writer_p99_ms}
 * @param longestTransactionMillis the longest transaction seen, or null when not measured
 * @param peakHeapBytes the peak heap used during the run, or null when not measured
 * @param verified whether Lethe's verify step passed; null for baselines
 */
public record ContestantResult(
    String name,
    long elapsedMillis,
    long units,
    String unit,
    double perSecond,
    Map<String, Double> extra,
    Long longestTransactionMillis,
    Long peakHeapBytes,
    Boolean verified) {

  public ContestantResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  /** Units per second for {@code units} handled in {@code elapsedMillis}. */
  public static double rate(long units, long elapsedMillis) {
    return units * 1000.0 / Math.max(1, elapsedMillis);
  }

  /** Lethe's runs report their verification; baselines have none. */
  public boolean isLethe() {
    return verified != null;
  }
}
