package dev.lethe.core.sql;

/**
 * Adapts how many keys a batch takes (the parent keys of a page, the rows of a bookkeeping delete)
 * so that each transaction stays near a target duration: short enough to hold row locks only
 * briefly, long enough to amortize round trips.
 *
 * <p>A batch slower than the target (beyond a quarter) shrinks the size at once, by how far it was
 * from the target (at most quartered). A quicker one grows it only as far as the cost per key of
 * the batches so far allows, an average that moves a third of the way towards each batch's (in
 * logarithms, so one batch ten times slower or quicker than the rest moves it as far either way),
 * and never further than the batch itself allows (at most doubled); within a quarter of the target
 * the size is kept. Growing by the last batch alone followed the noise: on MariaDB a page of
 * conversations took anything from a fifth to twice the target at the same size, a quick one
 * doubled the size, and the next page, as costly per key as most, ran at two to three times the
 * target.
 *
 * <p>A batch that held fewer keys than the size (the last of its rows) ran out of rows, not of
 * time: it is judged by the keys it held, the size scaled towards what its cost per key fits in the
 * target. A short batch quicker than the target never shrinks the size and is left out of the
 * average unless its cost per key fits more keys than the size in the target: a batch of a few keys
 * is mostly fixed costs, which taken per key would make a cheap handful look like a sign that the
 * size is too large. (Scaling the size by a short batch's time as if it were full doubled it after
 * the last page below each parent page, and the next full page ran at up to three times the
 * target.)
 */
public final class BatchSizer {

  private static final double MOST_GROWTH = 2.0;
  private static final double MOST_SHRINK = 0.25;
  private static final double NEAR = 1.25;

  /** How far the average cost per key moves towards each batch's. */
  private static final double SMOOTHING = 0.3;

  private final long targetNanos;
  private final int max;
  private int size;
  private boolean steady;

  /** The logarithm of the batches' average cost per key in nanoseconds; NaN before the first. */
  private double logCost = Double.NaN;

  public BatchSizer(int initial, int max, long targetMillis) {
    this.size = initial;
    this.max = max;
    this.targetNanos = targetMillis * 1_000_000L;
  }

  public int size() {
    return size;
  }

  /**
   * Whether the last batch kept the size where it was (near the target, or at the most): the next
   * batch is then as large as the last. False before the first batch.
   */
  public boolean steady() {
    return steady;
  }

  /** A batch of {@code keys} keys took {@code nanos}. */
  public void observe(long nanos, int keys) {
    int before = size;
    size = next(Math.max(1, nanos), Math.max(1, Math.min(keys, size)));
    steady = size == before;
  }

  /** The size after a batch of {@code keys} keys (at most the size) that took {@code nanos}. */
  private int next(long nanos, int keys) {
    double factor = (double) targetNanos / nanos;
    // the keys a batch as costly per key would take in the target's time, against the size
    double ratio = keys * factor / size;
    boolean shortAndQuick = keys < size && factor > 1;
    double cost = Math.log((double) nanos / keys);
    if (ratio <= 1 / NEAR && !shortAndQuick) {
      // too slow: shrunk at once, and the average starts again from this batch
      logCost = cost;
      return scaled(Math.max(MOST_SHRINK, ratio));
    }
    if (shortAndQuick && ratio <= 1) {
      return size;
    }
    logCost = Double.isNaN(logCost) ? cost : logCost + SMOOTHING * (cost - logCost);
    double byAverage = targetNanos / Math.exp(logCost) / size;
    double growth = Math.min(ratio, Math.max(1, byAverage));
    return growth < NEAR ? size : scaled(Math.min(MOST_GROWTH, growth));
  }

  private int scaled(double ratio) {
    return (int) Math.max(1, Math.min(max, Math.round(size * ratio)));
  }
}
