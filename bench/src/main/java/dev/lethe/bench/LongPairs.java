package dev.lethe.bench;

import java.util.Arrays;

/** Pairs of longs appended one after another, kept in two arrays grown together. Not shared. */
public final class LongPairs {

  private long[] firsts = new long[1024];
  private long[] seconds = new long[1024];
  private int size;

  public void add(long first, long second) {
    if (size == firsts.length) {
      firsts = Arrays.copyOf(firsts, size * 2);
      seconds = Arrays.copyOf(seconds, size * 2);
    }
    firsts[size] = first;
    seconds[size] = second;
    size++;
  }

  public int size() {
    return size;
  }

  public long first(int i) {
    return firsts[i];
  }

  public long second(int i) {
    return seconds[i];
  }

  public void clear() {
    size = 0;
  }

  /** The first of each pair, in the order added. */
  public long[] firsts() {
    return Arrays.copyOf(firsts, size);
  }

  /** The second of each pair, in the order added. */
  public long[] seconds() {
    return Arrays.copyOf(seconds, size);
  }
}
