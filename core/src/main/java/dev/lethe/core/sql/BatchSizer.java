package dev.lethe.core.sql;

/**
 * Adapts how many keys a batch takes (the parent keys of a page, the rows of a bookkeeping delete)
 * so that each transaction stays near a target duration: short enough to hold row locks only
 * briefly, long enough to amortize round trips. After each batch the size is scaled by how far the
 * batch was from the target (at most doubled, at least quartered), so batches aim at the target
 * itself rather than anywhere below twice it; within a quarter of the target the size is kept.
 *
 * <p>A batch that held fewer keys than the size (the last of its rows) ran out of rows, not of
 * time: it is judged by the keys it held, the size scaled towards what its cost per key fits in the
 * target. A short batch quicker than the target never shrinks the size: a batch of a few keys is
 * mostly fixed costs, which taken per key would make a cheap handful look like a sign that the size
 * is too large. (Scaling the size by a short batch's time as if it were full doubled it after the
 * last page below each parent page, and the next full page ran at up to three times the target.)
 */
public final class BatchSizer {

  private static final double MOST_GROWTH = 2.0;
  private static final double MOST_SHRINK = 0.25;
  private static final double NEAR = 1.25;

  private final long targetNanos;
  private final int max;
  private int size;
  private boolean steady;

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
    size = next(nanos, keys);
    steady = size == before;
  }

  private int next(long nanos, int keys) {
    double factor = (double) targetNanos / Math.max(1, nanos);
    // the keys a batch as costly per key would take in the target's time, against the size
    double ratio = Math.min(keys, size) * factor / size;
    boolean shortAndQuick = keys < size && factor > 1;
    if ((ratio < NEAR && ratio > 1 / NEAR) || (shortAndQuick && ratio <= 1)) {
      return size;
    }
    ratio = Math.max(MOST_SHRINK, Math.min(MOST_GROWTH, ratio));
    return (int) Math.max(1, Math.min(max, Math.round(size * ratio)));
  }
}
