package dev.lethe.bench.retention;

import static dev.lethe.core.receipt.Outcome.DELETED;

import dev.lethe.bench.TopStatements;
import dev.lethe.bench.TransactionClock;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.retention.RetentionOutcome;
import dev.lethe.platform.generator.PlatformGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Lethe's retention rule {@code messages_13_months}, as the service's scheduled sweep runs it, on a
 * clock set to the generated data's "now". Either in batches of a fixed size (to compare with a
 * tool given the same batch size) or in the engine's own adaptive batches.
 */
final class LethePurge implements Purge {

  static final String RULE = "messages_13_months";

  private final DataSource dataSource;
  private final DataMap map;
  private final Path files;
  private final int fixedBatch;
  private final int topStatements;

  /**
   * @param fixedBatch messages per batch, or 0 for the engine's adaptive batches
   * @param topStatements how many of the statements it spent most time in to print, or 0
   */
  LethePurge(DataSource dataSource, DataMap map, Path files, int fixedBatch, int topStatements) {
    this.dataSource = dataSource;
    this.map = map;
    this.files = files;
    this.fixedBatch = fixedBatch;
    this.topStatements = topStatements;
  }

  @Override
  public String name() {
    return fixedBatch > 0 ? "lethe (batch " + fixedBatch + ")" : "lethe (adaptive)";
  }

  @Override
  public boolean isLethe() {
    return true;
  }

  @Override
  public Purge.Outcome purge(MessagesTable table) {
    TransactionClock timer = new TransactionClock(dataSource);
    ExecutionOptions options =
        fixedBatch > 0
            // a target no batch reaches keeps the size where it is
            ? new ExecutionOptions(fixedBatch, fixedBatch, 3_600_000, 4)
            : ExecutionOptions.defaults();
    Lethe lethe =
        Lethe.open(
            new Lethe.Config(
                timer,
                map,
                new LocalDirectoryFileStore(files),
                Clock.fixed(PlatformGenerator.REFERENCE_NOW, ZoneOffset.UTC),
                Optional.empty(),
                options));
    timer.reset();
    long started = System.nanoTime();
    List<RetentionOutcome> outcomes = lethe.sweepRetention(Optional.of(RULE), List.of());
    long took = (System.nanoTime() - started) / 1_000_000;
    if (topStatements > 0) {
      TopStatements.print(name(), timer, topStatements);
    }
    if (!outcomes.getFirst().cutoff().equals(table.cutoff())) {
      throw new IllegalStateException("the engine's cutoff differs from the scenario's");
    }
    long deleted =
        outcomes.getFirst().counts().getOrDefault("messages", Map.of()).getOrDefault(DELETED, 0L);
    return new Purge.Outcome(took, deleted, timer.longestMillis());
  }
}
