package dev.lethe.core.execute;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * How a pass leaves the database to the application between its pages: the next page's transaction
 * starts no sooner than {@code ratio} times as long as a page's transaction took after it ended. At
 * 1 a purge holds the database half the time and takes about twice as long; at 0, the default, it
 * never waits. The pause follows the page's commit, so it holds no locks.
 *
 * <p>A pace may also hold the pass to at most {@code rowsPerSecond} of the rows it counts: the next
 * page's transaction then starts no sooner than a page's counted rows take at that rate from the
 * start of that page's transaction. Whichever of the two waits is longer is waited. A rate holds
 * however fast the database is that day, where a ratio follows the server's speed: a pass paced by
 * rate can be run at exactly another tool's rate. The rate is counted page by page, so a slow page
 * is never made up for by a burst of fast ones.
 *
 * <p>A paced pass also does one thing at a time: what it does between two pages (deleting the
 * page's files from the store, reading the next page's keys) runs in the pause, on the pass's own
 * thread, and counts towards it, instead of beside the next page's statements as an unpaced pass
 * does. On a small machine shared with the application, work beside a page competes with the
 * application's own statements for the processors, as a tool running one statement at a time
 * (pt-archiver) does not. One pass uses its pace, on one thread.
 */
public final class Pace {

  /** Never waits. */
  public static final Pace NONE = new Pace(0, 0, System::nanoTime, nanos -> {});

  private static final double NANOS_PER_SECOND = 1e9;

  private final double ratio;
  private final long rowsPerSecond;
  private final LongSupplier clock;
  private final LongConsumer sleep;

  /** When the pause after the last page ends, on {@link #clock}; meaningful while pending. */
  private long resumeAt;

  private boolean pending;

  /**
   * @param clock the time in nanoseconds ({@link System#nanoTime})
   * @param sleep waits the nanoseconds it is given
   */
  Pace(double ratio, long rowsPerSecond, LongSupplier clock, LongConsumer sleep) {
    if (!(ratio >= 0 && Double.isFinite(ratio))) {
      throw new IllegalArgumentException("a pause ratio is a number of at least 0, not " + ratio);
    }
    if (rowsPerSecond < 0) {
      throw new IllegalArgumentException(
          "a rate is a number of rows a second of at least 0, not " + rowsPerSecond);
    }
    this.ratio = ratio;
    this.rowsPerSecond = rowsPerSecond;
    this.clock = clock;
    this.sleep = sleep;
  }

  /**
   * Waits {@code ratio} times each page's time, and as long as holds the pass to {@code
   * rowsPerSecond} (0: no limit); {@link #NONE} when both are 0.
   */
  public static Pace of(double ratio, long rowsPerSecond) {
    return ratio == 0 && rowsPerSecond == 0
        ? NONE
        : new Pace(ratio, rowsPerSecond, System::nanoTime, Pace::sleep);
  }

  public double ratio() {
    return ratio;
  }

  /** The most rows a second the pass deletes or rewrites of those it counts; 0: no limit. */
  public long rowsPerSecond() {
    return rowsPerSecond;
  }

  /** Whether the pass pauses between its pages, and so does one thing at a time. */
  boolean paced() {
    return ratio > 0 || rowsPerSecond > 0;
  }

  /**
   * A page's transaction took {@code nanos}, handled {@code rows} of the rows the rate counts (0
   * for the pages of rows below them), and has just ended: its pause begins.
   */
  void after(long nanos, int rows) {
    if (!paced()) {
      return;
    }
    long now = clock.getAsLong();
    long pause = Math.round(nanos * ratio);
    if (rowsPerSecond > 0 && rows > 0) {
      long atRate = Math.round(rows * NANOS_PER_SECOND / rowsPerSecond);
      pause = Math.max(pause, atRate - nanos);
    }
    resumeAt = now + pause;
    pending = true;
  }

  /** Before a page's transaction: waits for what is left of the pause after the page before. */
  void before() {
    if (!pending) {
      return;
    }
    pending = false;
    long wait = resumeAt - clock.getAsLong();
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
