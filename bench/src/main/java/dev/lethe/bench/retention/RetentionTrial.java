package dev.lethe.bench.retention;

import dev.lethe.platform.generator.PlatformGenerator;
import java.time.Duration;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * One contestant's turn: the platform filled afresh, the steady writer started and warmed up, the
 * purge, the writer stopped, and the messages counted.
 */
final class RetentionTrial {

  /** What one turn measured. */
  record Result(
      Purge purge,
      MessagesTable.Census before,
      Purge.Outcome outcome,
      MessagesTable.Check check,
      Histogram writerLatencyMicros,
      long writerInserted,
      long writerFailed) {

    double rowsPerSecond() {
      return before.aged() * 1000.0 / Math.max(1, outcome.elapsedMillis());
    }

    double writerMillis(double percentile) {
      return writerLatencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private final DataSource writerPool;
  private final MessagesTable table;
  private final PlatformGenerator.Sizes sizes;
  private final int writerRate;
  private final Duration warmUp;

  /**
   * @param writerPool the writer's connections, one per thread
   * @param warmUp how long the writer runs before the purge starts (not measured)
   */
  RetentionTrial(
      DataSource writerPool,
      MessagesTable table,
      PlatformGenerator.Sizes sizes,
      int writerRate,
      Duration warmUp) {
    this.writerPool = writerPool;
    this.table = table;
    this.sizes = sizes;
    this.writerRate = writerRate;
    this.warmUp = warmUp;
  }

  Result run(Purge purge) throws Exception {
    MessagesTable.Census before = table.refill(sizes);
    Purge.Outcome outcome;
    Histogram latency;
    SteadyWriter writer =
        SteadyWriter.start(writerPool, table, writerRate, RetentionScenario.WRITER_THREADS);
    try {
      Thread.sleep(warmUp);
      writer.interval();
      outcome = purge.purge(table);
      latency = writer.interval();
    } finally {
      writer.close();
    }
    MessagesTable.Check check = table.check(before, writer.inserted());
    return new Result(purge, before, outcome, check, latency, writer.inserted(), writer.failed());
  }
}
