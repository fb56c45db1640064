package dev.lethe.bench.callbacks;

import dev.lethe.bench.BenchSize;
import java.time.Duration;

/**
 * How long each phase of the callbacks scenario runs.
 *
 * @param warmUp closed-loop load before anything is measured (the server's JIT, its pools)
 * @param settling more closed-loop load, in phases of this length, until the server's compiler
 *     spends at most {@link #SETTLED_SHARE} of one of them compiling ({@link #MAX_SETTLING} at
 *     most); zero: none
 * @param saturation each closed-loop measurement
 * @param fixedRate each open-loop measurement at {@code rate} requests a second
 * @param clients concurrent senders of the closed loop
 * @param quickStart whether the server's JVM uses the client compiler only: a quicker start for a
 *     short run, slower code for a long one
 */
record CallbackPlan(
    Duration warmUp,
    Duration settling,
    Duration saturation,
    Duration fixedRate,
    int rate,
    int clients,
    boolean quickStart) {

  /** A settling phase whose share of compiling is at most this ends the warm-up. */
  static final double SETTLED_SHARE = 0.05;

  /** The most settling phases after the warm-up. */
  static final int MAX_SETTLING = 6;

  /** Requests signed in advance per second of closed loop: more than the server can take. */
  static final int CLOSED_LOOP_CAPACITY = 8_000;

  static CallbackPlan of(BenchSize size) {
    return switch (size) {
      case TINY -> tiny();
      // the server's JIT needs about half a minute of load on two cores to reach its rate
      // (measured at 15 s, the rate was half of what it reached after 35), and compiles for
      // longer: the settling phases go on until it has done
      case SMALL -> new CallbackPlan(secs(30), secs(10), secs(10), secs(10), 1_000, 32, false);
      case MEDIUM -> new CallbackPlan(secs(45), secs(10), secs(15), secs(15), 1_000, 32, false);
      case LARGE -> new CallbackPlan(secs(60), secs(10), secs(30), secs(30), 1_000, 32, false);
    };
  }

  /** A second of each phase at a low rate: enough to check what the server stored (tests). */
  private static CallbackPlan tiny() {
    return new CallbackPlan(secs(1), Duration.ZERO, secs(1), secs(1), 100, 4, true);
  }

  int closedLoopRequests(Duration phase) {
    return (int) Math.max(1, CLOSED_LOOP_CAPACITY * phase.toMillis() / 1000);
  }

  int openLoopRequests() {
    return (int) (rate * fixedRate.toMillis() / 1000);
  }

  private static Duration secs(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
