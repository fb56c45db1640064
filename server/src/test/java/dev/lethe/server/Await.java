package dev.lethe.server;

import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Waits for a condition with a deadline; never a fixed sleep standing in for one. */
public final class Await {

  private static final Duration POLL = Duration.ofMillis(25);

  private Await() {}

  /**
   * Asks {@code probe} until it answers something other than null, and returns that.
   *
   * @throws AssertionError naming {@code what} when {@code patience} runs out
   */
  static <T> T value(String what, Duration patience, Supplier<T> probe) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      T answer = probe.get();
      if (answer != null) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + patience + " for " + what);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  /** Waits until {@code condition} holds. */
  public static void until(String what, Duration patience, BooleanProbe condition) {
    value(what, patience, () -> condition.holds() ? Boolean.TRUE : null);
  }

  /**
   * Waits until no request step (execution or mail) is left in db-scheduler's table; the recurring
   * sweep and retention stay.
   */
  static void noStepsLeft(DataSource state, Duration patience) {
    until(
        "no request step left",
        patience,
        () ->
            Sql.count(
                    state,
                    "select count(*) from scheduled_tasks"
                        + " where task_name in ('execute-request', 'send-mail')")
                == 0);
  }

  @FunctionalInterface
  public interface BooleanProbe {
    boolean holds();
  }
}
