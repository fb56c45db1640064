package dev.lethe.server.execution;

import dev.lethe.core.sql.GroupCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes steps on a thread of its own, many in one transaction, so that the caller does not wait
 * for a second commit after its request's own: for steps whose loss a crash can afford because they
 * are derived from what is already stored (an open request's execution, which the sweep queues
 * again when it finds none).
 *
 * <p>A step handed in is written within milliseconds, with whatever else arrived meanwhile (up to
 * {@code maxGroup}). When the group's insert fails, its halves are written again, down to single
 * steps written by {@code one}, which settles a step already queued ({@link
 * GroupCommit#writeInHalves}); a step that still fails is left to the sweep. When {@code capacity}
 * steps are waiting, the caller writes its own at once: a flood slows its callers rather than
 * filling memory. Closing writes what is waiting before it returns.
 *
 * @param <T> one step
 */
final class StepWriter<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StepWriter.class);
  private static final long IDLE_POLL_MS = 200;

  private final Consumer<List<T>> group;
  private final Consumer<T> one;
  private final int maxGroup;
  private final BlockingQueue<T> waiting;
  private final Thread thread;
  private volatile boolean closing;

  StepWriter(String name, int capacity, int maxGroup, Consumer<List<T>> group, Consumer<T> one) {
    this.group = group;
    this.one = one;
    this.maxGroup = maxGroup;
    this.waiting = new ArrayBlockingQueue<>(capacity);
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    thread.start();
  }

  /** Queues the step to be written soon; writes it now when too many are waiting or on close. */
  void add(T step) {
    if (closing || !waiting.offer(step)) {
      write(List.of(step));
    }
  }

  /** How many steps wait to be written. */
  int waiting() {
    return waiting.size();
  }

  private void run() {
    List<T> next = new ArrayList<>(maxGroup);
    while (!closing || !waiting.isEmpty()) {
      try {
        T first = waiting.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        next.add(first);
        waiting.drainTo(next, maxGroup - 1);
        write(next);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // write() catches what a step throws: anything here is a bug, and must not stop the thread
        log.error("writing queued steps failed", e);
      } finally {
        next.clear();
      }
    }
  }

  private void write(List<T> steps) {
    GroupCommit.writeInHalves(
        List.copyOf(steps),
        group,
        one,
        (step, failed) -> {
          if (failed instanceof Error error) {
            throw error;
          }
          log.warn(
              "a step could not be queued now; the sweep queues it again: {}", failed.toString());
        });
  }

  /** Writes every step waiting, then stops the thread (waiting at most {@code patience}). */
  void close(Duration patience) {
    closing = true;
    try {
      thread.join(patience);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<T> left = new ArrayList<>();
    waiting.drainTo(left);
    if (!left.isEmpty()) {
      write(left);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
