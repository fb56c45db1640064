package dev.lethe.core.execute;

/**
 * Adapts how many parent keys a batch takes so that each transaction stays near a target duration:
 * short enough to hold row locks only briefly, long enough to amortize round trips. After each
 * batch the size is scaled by how far the batch was from the target (at most doubled, at least
 * quartered), so batches aim at the target itself rather than anywhere below twice it; within a
 * quarter of the target the size is kept.
 */
final class BatchSizer {

  private static final double MOST_GROWTH = 2.0;
  private static final double MOST_SHRINK = 0.25;
  private static final double NEAR = 1.25;

  private final long targetNanos;
  private final int max;
  private int size;

  BatchSizer(int initial, int max, long targetMillis) {
    this.size = initial;
    this.max = max;
    this.targetNanos = targetMillis * 1_000_000L;
  }

  int size() {
    return size;
  }

  void observe(long nanos) {
    double factor = (double) targetNanos / Math.max(1, nanos);
    if (factor < NEAR && factor > 1 / NEAR) {
      return;
    }
    factor = Math.max(MOST_SHRINK, Math.min(MOST_GROWTH, factor));
    size = (int) Math.max(1, Math.min(max, Math.round(size * factor)));
  }
}
