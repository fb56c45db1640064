package dev.lethe.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * When a contestant's writing transactions ran, on the wall clock in microseconds, to tell whether
 * something another process did (a writer's insert) began while one of them was open.
 */
public final class TransactionSpans {

  /** Each span's start, in ascending order, and its end at the same index. */
  private final long[] starts;

  private final long[] ends;

  /** The latest end among the spans up to each index: spans of several connections overlap. */
  private final long[] reach;

  private TransactionSpans(long[] starts, long[] ends) {
    this.starts = starts;
    this.ends = ends;
    this.reach = new long[ends.length];
    long far = Long.MIN_VALUE;
    for (int i = 0; i < ends.length; i++) {
      far = Math.max(far, ends[i]);
      reach[i] = far;
    }
  }

  /** Spans from their starts and ends, in any order, {@code starts[i]} with {@code ends[i]}. */
  public static TransactionSpans of(long[] starts, long[] ends) {
    if (starts.length != ends.length) {
      throw new IllegalArgumentException("a span has a start and an end");
    }
    Integer[] order = new Integer[starts.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
    long[] s = new long[starts.length];
    long[] e = new long[ends.length];
    for (int i = 0; i < order.length; i++) {
      s[i] = starts[order[i]];
      e[i] = ends[order[i]];
      if (e[i] < s[i]) {
        throw new IllegalArgumentException("a span ends before it starts");
      }
    }
    return new TransactionSpans(s, e);
  }

  /** How many transactions there were. */
  public int count() {
    return starts.length;
  }

  /**
   * Whether a transaction was open at {@code micros} (wall clock, microseconds since the epoch).
   */
  public boolean open(long micros) {
    int i = Arrays.binarySearch(starts, micros);
    // the last span that started at or before micros
    int last = i >= 0 ? lastAt(i) : -i - 2;
    return last >= 0 && reach[last] >= micros;
  }

  private int lastAt(int i) {
    int at = i;
    while (at + 1 < starts.length && starts[at + 1] == starts[i]) {
      at++;
    }
    return at;
  }

  /** Microseconds since the epoch of {@code instant}. */
  public static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
