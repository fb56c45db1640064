package dev.lethe.bench.retention;

import dev.lethe.bench.TransactionSpans;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The production traffic a purge must not stop: messages inserted at a fixed rate, each in its own
 * transaction, by a few threads with a connection each (as an application's pool would), their
 * schedules interleaved. Latency is measured from each insert's intended start on the fixed
 * schedule, so an insert held up by a lock also counts against the inserts that should have
 * followed it on its connection (no coordinated omission).
 */
final class SteadyWriter implements AutoCloseable {

  private final DataSource dataSource;
  private final NewMessages messages;
  private final long periodNanos;
  private final Recorder recorder = new Recorder(3);
  private final WriterInserts inserts = new WriterInserts();
  private final AtomicLong inserted = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile boolean running = true;

  private SteadyWriter(DataSource dataSource, NewMessages messages, int perSecond, int threads) {
    this.dataSource = dataSource;
    this.messages = messages;
    this.periodNanos = TimeUnit.SECONDS.toNanos(1) * threads / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      long first = start + periodNanos * i / threads;
      this.threads.add(
          Thread.ofPlatform().name("steady-writer-" + i).daemon().unstarted(() -> write(first)));
    }
  }

  /** Starts inserting {@code perSecond} messages a second from {@code threads} connections. */
  static SteadyWriter start(
      DataSource dataSource, NewMessages messages, int perSecond, int threads) {
    if (perSecond < threads || threads < 1) {
      throw new IllegalArgumentException("the writer needs a rate of at least one per thread");
    }
    SteadyWriter writer = new SteadyWriter(dataSource, messages, perSecond, threads);
    writer.threads.forEach(Thread::start);
    return writer;
  }

  /**
   * Latencies recorded since the last call (the first call drops the warm-up), which also starts
   * {@link #inserts} afresh.
   */
  Histogram interval() {
    inserts.clear();
    return recorder.getIntervalHistogram();
  }

  /** Each insert since the last {@link #interval}, with when it was due. */
  WriterInserts inserts() {
    return inserts;
  }

  long inserted() {
    return inserted.get();
  }

  long failed() {
    return failed.get();
  }

  private void write(long first) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(NewMessages.INSERT)) {
      connection.setAutoCommit(true);
      long next = first;
      while (running) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
        try {
          messages.bind(insert, sequence.getAndIncrement());
          insert.executeUpdate();
          inserted.incrementAndGet();
        } catch (SQLException e) {
          failed.incrementAndGet();
        }
        long took = Math.max(1, (System.nanoTime() - next) / 1_000);
        recorder.recordValue(took);
        inserts.add(TransactionSpans.micros(Instant.now()) - took, took);
        next += periodNanos;
      }
    } catch (SQLException e) {
      failed.incrementAndGet();
      running = false;
    }
  }

  /** Stops the writer after its current inserts. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }
}
