package dev.lethe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak heap of this JVM during a contestant: the heap pools' peaks are reset (after a full
 * collection) before it runs and summed after. The sum of per-pool peaks over-states the true peak
 * a little (pools peak at different moments); the hard check is running with {@code -Xmx256m}.
 */
public final class HeapPeak {

  private HeapPeak() {}

  public static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
  }

  public static long bytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
