package dev.lethe.core.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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

  /** Writes the group, as {@link #writeInHalves} does: a refused item fails only its caller. */
  private void write(List<Pending<T>> group) {
    writeInHalves(
        group,
        items -> writer.write(items.stream().map(Pending::item).toList()),
        p -> writer.write(List.of(p.item)),
        (p, failed) -> p.failure = failed);
  }

  /**
   * Writes {@code items} in one go with {@code together} (a single item with {@code alone}); when
   * that fails, nothing of it having been committed, writes each half the same way, down to single
   * items, whose failure goes to {@code failed}. One refused item among 64 costs about a dozen
   * writes, not one for each of the 64.
   */
  public static <I> void writeInHalves(
      List<I> items,
      Consumer<List<I>> together,
      Consumer<I> alone,
      BiConsumer<I, Throwable> failed) {
    if (items.size() == 1) {
      try {
        alone.accept(items.getFirst());
      } catch (RuntimeException | Error e) {
        failed.accept(items.getFirst(), e);
      }
      return;
    }
    try {
      together.accept(items);
    } catch (RuntimeException | Error e) {
      int half = items.size() / 2;
      writeInHalves(items.subList(0, half), together, alone, failed);
      writeInHalves(items.subList(half, items.size()), together, alone, failed);
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
