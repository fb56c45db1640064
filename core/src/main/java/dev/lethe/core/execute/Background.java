package dev.lethe.core.execute;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Threads a run hands work to while it goes on (its next page's keys, its last page's files), and
 * the waiting for that work. Each pool's threads are daemons of a cached pool, which needs no
 * shutting down (its idle threads end after a minute). Platform threads: virtual ones cost the
 * compiler more, their scheduler compiled anew in the first large run (docs/benchmarks.md, fix 60).
 */
final class Background {

  private Background() {}

  /** A pool whose threads are named {@code prefix} and a number. */
  static Executor pool(String prefix) {
    return Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name(prefix, 0).factory());
  }

  /** What {@code work} came to, or what it threw, as it threw it. */
  static <T> T joined(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }
}
