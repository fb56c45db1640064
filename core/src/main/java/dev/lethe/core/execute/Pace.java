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
 * <p>A pass held to a rate also spreads each page of the rows it counts over the page's share of
 * time at that rate ({@link #parts}, {@link #spread}): the page's statements go in parts of a few
 * rows, each part due no sooner than its rows' share from the start of the transaction, which still
 * commits once. A page's statements sent together keep the server busy for a burst, during which
 * the application's own statements wait for the processors (on MariaDB the writer's slowest inserts
 * fell in such bursts), where a tool deleting one row per statement (pt-archiver) spreads the same
 * work over its whole time. A page is spread over at most {@value #SPREAD_MOST_MILLIS} ms, so that
 * its transaction stays short however low the rate, into parts of at least {@value #PART_ROWS} rows
 * at least {@value #PART_MILLIS} ms apart.
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

  private static final long NANOS_PER_MILLI = 1_000_000;

  /** The longest a page is spread over. */
  static final long SPREAD_MOST_MILLIS = 100;

  /** The fewest rows in a part of a spread page. */
  static final int PART_ROWS = 10;

  /** The least time between the parts of a spread page. */
  static final long PART_MILLIS = 1;

  private final double ratio;
  private final long rowsPerSecond;
  private final LongSupplier clock;
  private final LongConsumer sleep;

  /** When the current page's transaction began, on {@link #clock}: its parts are due from it. */
  private long began;

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
   * How many parts a page of {@code rows} of the rows the rate counts is sent in: more than one
   * only for a pass held to a rate, when the page's share of time at it leaves at least {@value
   * #PART_MILLIS} ms between parts of at least {@value #PART_ROWS} rows.
   */
  int parts(int rows) {
    if (rowsPerSecond == 0 || rows < 2 * PART_ROWS) {
      return 1;
    }
    long byTime = spreadNanos(rows) / (PART_MILLIS * NANOS_PER_MILLI);
    return (int) Math.max(1, Math.min(rows / PART_ROWS, byTime));
  }

  /**
   * The first {@code done} of the {@code rows} of the page in its transaction have been sent: waits
   * until the rest are due, {@code done}'s share of the time the page is spread over from the start
   * of its transaction; returns how long it waited, in nanoseconds.
   */
  long spread(int done, int rows) {
    long due = began + spreadNanos(rows) * done / rows;
    long wait = due - clock.getAsLong();
    if (wait <= 0) {
      return 0;
    }
    sleep.accept(wait);
    return wait;
  }

  /** How long a page of {@code rows} is spread over: its share at the rate, at most a limit. */
  private long spreadNanos(int rows) {
    return Math.min(
        SPREAD_MOST_MILLIS * NANOS_PER_MILLI, Math.round(rows * NANOS_PER_SECOND / rowsPerSecond));
  }

  /** As {@link #after(long, long, int)}, for a page not spread. */
  void after(long nanos, int rows) {
    after(nanos, 0, rows);
  }

  /**
   * A page's transaction took {@code nanos}, of which it waited {@code waited} between its parts
   * ({@link #spread}), handled {@code rows} of the rows the rate counts (0 for the pages of rows
   * below them), and has just ended: its pause begins. A ratio counts the time it worked.
   */
  void after(long nanos, long waited, int rows) {
    if (!paced()) {
      return;
    }
    long now = clock.getAsLong();
    long pause = Math.round((nanos - waited) * ratio);
    if (rowsPerSecond > 0 && rows > 0) {
      long atRate = Math.round(rows * NANOS_PER_SECOND / rowsPerSecond);
      pause = Math.max(pause, atRate - nanos);
    }
    resumeAt = now + pause;
    pending = true;
  }

  /** Before a page's transaction: waits for what is left of the pause after the page before. */
  void before() {
    if (pending) {
      pending = false;
      long wait = resumeAt - clock.getAsLong();
      if (wait > 0) {
        sleep.accept(wait);
      }
    }
    began = clock.getAsLong();
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
