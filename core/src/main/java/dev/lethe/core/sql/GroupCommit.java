package dev.lethe.core.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes that arrive together share one transaction. Each caller hands in its item and waits for
 * the writer's turn; whoever takes the turn writes every item queued by then (up to {@code
 * maxGroup}) in one go: one round trip per statement and one commit for all of them. Alone, a
 * caller writes its item as it would have without the group.
 *
 * <p>A caller returns only once its own item is committed, and throws what its own item threw: when
 * a group fails, its halves are written again, and theirs, down to single items, so an item refused
 * (a unique key taken) fails only its own caller.
 *
 * @param <T> what one caller writes
 */
public final class GroupCommit<T> {

  /** Writes the items in one transaction: all of them or none. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(List<T> items);
  }

  private final Writer<T> writer;
  private final int maxGroup;
  private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private boolean writing;

  public GroupCommit(Writer<T> writer, int maxGroup) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("a group holds at least one item, not " + maxGroup);
    }
    this.writer = writer;
    this.maxGroup = maxGroup;
  }

  /** Writes the item, with whatever else is waiting; returns once it is committed. */
  public void write(T item) {
    Pending<T> mine = new Pending<>(item);
    boolean leads;
    lock.lock();
    try {
      queue.add(mine);
      while (writing && !mine.done) {
        written.awaitUninterruptibly();
      }
      leads = !mine.done;
      writing |= leads;
    } finally {
      lock.unlock();
    }
    if (leads) {
      lead(mine);
    }
    if (mine.failure instanceof RuntimeException e) {
      throw e;
    }
    if (mine.failure instanceof Error e) {
      throw e;
    }
  }

  /** How many items wait to be written. */
  public int waiting() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Writes groups until this caller's item is among those written, then hands the turn on. */
  private void lead(Pending<T> mine) {
    try {
      while (!mine.done) {
        List<Pending<T>> group = next();
        if (group.isEmpty()) {
          throw new IllegalStateException("an item waiting to be written left the queue");
        }
        write(group);
        lock.lock();
        try {
          group.forEach(p -> p.done = true);
          written.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } finally {
      lock.lock();
      try {
        writing = false;
        written.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private List<Pending<T>> next() {
    lock.lock();
    try {
      List<Pending<T>> group = new ArrayList<>();
      while (group.size() < maxGroup && !queue.isEmpty()) {
        group.add(queue.poll());
      }
      return group;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the group; when it fails, writes each half of it the same way, down to single items,
   * whose failure goes to their own caller. One refused item in a group of 64 costs about a dozen
   * transactions, not one for each of the 64.
   */
  private void write(List<Pending<T>> group) {
    try {
      writer.write(group.stream().map(Pending::item).toList());
    } catch (RuntimeException | Error failed) {
      if (group.size() == 1) {
        group.getFirst().failure = failed;
        return;
      }
      // nothing of the group was committed
      int half = group.size() / 2;
      write(group.subList(0, half));
      write(group.subList(half, group.size()));
    }
  }

  /** An item and what became of it, published to its caller under the group's lock. */
  private static final class Pending<T> {
    private final T item;
    private boolean done;
    private Throwable failure;

    Pending(T item) {
      this.item = item;
    }

    T item() {
      return item;
    }
  }
}
