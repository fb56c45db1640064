package dev.lethe.bench.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The production traffic a purge must not stop: one thread inserting messages at a fixed rate, each
 * in its own transaction. Latency is measured from each insert's intended start on the fixed
 * schedule, so an insert held up by a lock also counts against the inserts that should have
 * followed it (no coordinated omission).
 */
final class SteadyWriter implements AutoCloseable {

  private final DataSource dataSource;
  private final MessagesTable table;
  private final long periodNanos;
  private final Recorder recorder = new Recorder(3);
  private final AtomicLong inserted = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private SteadyWriter(DataSource dataSource, MessagesTable table, int perSecond) {
    this.dataSource = dataSource;
    this.table = table;
    this.periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    this.thread = Thread.ofPlatform().name("steady-writer").daemon().unstarted(this::write);
  }

  /** Starts inserting {@code perSecond} messages a second into {@code table}. */
  static SteadyWriter start(DataSource dataSource, MessagesTable table, int perSecond) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("the writer's rate must be positive");
    }
    SteadyWriter writer = new SteadyWriter(dataSource, table, perSecond);
    writer.thread.start();
    return writer;
  }

  /** Latencies recorded since the last call (the first call drops the warm-up). */
  Histogram interval() {
    return recorder.getIntervalHistogram();
  }

  long inserted() {
    return inserted.get();
  }

  long failed() {
    return failed.get();
  }

  private void write() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(table.insertSql())) {
      connection.setAutoCommit(true);
      long next = System.nanoTime();
      long n = 0;
      while (running) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
        try {
          table.bindNewMessage(insert, n++);
          insert.executeUpdate();
          inserted.incrementAndGet();
        } catch (SQLException e) {
          failed.incrementAndGet();
        }
        recorder.recordValue(Math.max(1, (System.nanoTime() - next) / 1_000));
        next += periodNanos;
      }
    } catch (SQLException e) {
      failed.incrementAndGet();
      running = false;
    }
  }

  /** Stops the writer after its current insert. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
