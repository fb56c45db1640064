package dev.lethe.core.execute;

import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * How a pass leaves the database to the application between its pages: after each page's
 * transaction it waits {@code ratio} times as long as that transaction took, as pt-archiver's
 * {@code --sleep-coef} does. At 1 a purge holds the database half the time and takes about twice as
 * long; at 0, the default, it never waits. The wait follows the page's commit, so it holds no
 * locks.
 */
public final class Pace {

  /** Never waits. */
  public static final Pace NONE = new Pace(0, nanos -> {});

  private final double ratio;
  private final LongConsumer sleep;

  /**
   * @param sleep waits the nanoseconds it is given
   */
  Pace(double ratio, LongConsumer sleep) {
    if (!(ratio >= 0 && Double.isFinite(ratio))) {
      throw new IllegalArgumentException("a pause ratio is a number of at least 0, not " + ratio);
    }
    this.ratio = ratio;
    this.sleep = sleep;
  }

  /** Waits {@code ratio} times each page's time; {@link #NONE} at 0. */
  public static Pace of(double ratio) {
    return ratio == 0 ? NONE : new Pace(ratio, Pace::sleep);
  }

  public double ratio() {
    return ratio;
  }

  /** After a page whose transaction took {@code nanos}: waits its share. */
  void after(long nanos) {
    long wait = Math.round(nanos * ratio);
    if (wait > 0) {
      sleep.accept(wait);
    }
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      // the pass goes on at once; whoever interrupted it sees the flag
      Thread.currentThread().interrupt();
    }
  }
}
