package dev.lethe.core.execute;

/**
 * Adapts how many parent keys a batch takes so that each transaction stays near a target duration:
 * short enough to hold row locks only briefly, long enough to amortize round trips.
 */
final class BatchSizer {

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
    if (nanos < targetNanos / 2 && size < max) {
      size = Math.min(max, size * 2);
    } else if (nanos > targetNanos * 2 && size > 1) {
      size = Math.max(1, size / 2);
    }
  }
}
