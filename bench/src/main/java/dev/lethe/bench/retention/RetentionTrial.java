package dev.lethe.bench.retention;

import dev.lethe.bench.BenchTarget;
import dev.lethe.platform.generator.PlatformGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One contestant's turn: the platform filled afresh, the steady writer started (in a process of its
 * own) and warmed up, the purge, the writer stopped, and the messages counted.
 */
final class RetentionTrial {

  /** What one turn measured. */
  record Result(
      Purge purge,
      MessagesTable.Census before,
      Purge.Outcome outcome,
      MessagesTable.Check check,
      Histogram writerLatencyMicros,
      WriterInserts writerInserts,
      long writerInserted,
      long writerFailed) {

    double rowsPerSecond() {
      return before.aged() * 1000.0 / Math.max(1, outcome.elapsedMillis());
    }

    double writerMillis(double percentile) {
      return writerLatencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * The writer's latencies of the inserts due while one of the contestant's transactions was open
     * and while none was, if its transactions were followed.
     */
    Optional<WriterInserts.Split> writerSplit() {
      return outcome.spans().map(writerInserts::split);
    }
  }

  private final BenchTarget target;
  private final Path logs;
  private final MessagesTable table;
  private final PlatformGenerator.Sizes sizes;
  private final int writerRate;
  private final Duration warmUp;

  /**
   * @param target the database the writer connects to, from a process of its own
   * @param logs where the writer's process writes its errors
   * @param warmUp how long the writer runs before the purge starts (not measured)
   */
  RetentionTrial(
      BenchTarget target,
      Path logs,
      MessagesTable table,
      PlatformGenerator.Sizes sizes,
      int writerRate,
      Duration warmUp) {
    this.target = target;
    this.logs = logs;
    this.table = table;
    this.sizes = sizes;
    this.writerRate = writerRate;
    this.warmUp = warmUp;
  }

  Result run(Purge purge) throws Exception {
    MessagesTable.Census before = table.refill(sizes);
    Purge.Outcome outcome;
    WriterProcess.Written written;
    try (WriterProcess writer =
        WriterProcess.start(
            target.jdbcUrl(),
            target.user(),
            target.password(),
            table.newMessages(),
            writerRate,
            RetentionScenario.WRITER_THREADS,
            logs.resolve("writer.log"))) {
      Thread.sleep(warmUp);
      writer.markStart();
      outcome = purge.purge(table);
      written = writer.stop();
    }
    MessagesTable.Check check = table.check(before, written.inserted());
    return new Result(
        purge,
        before,
        outcome,
        check,
        written.latencyMicros(),
        written.inserts(),
        written.inserted(),
        written.failed());
  }
}
