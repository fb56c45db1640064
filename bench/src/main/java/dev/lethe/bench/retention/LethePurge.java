package dev.lethe.bench.retention;

import static dev.lethe.core.receipt.Outcome.DELETED;

import dev.lethe.bench.TopStatements;
import dev.lethe.bench.TransactionClock;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.retention.RetentionOutcome;
import dev.lethe.platform.generator.PlatformGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Lethe's retention rule {@code messages_13_months}, as the service's scheduled sweep runs it, on a
 * clock set to the generated data's "now". Either in batches of a fixed size (to compare with a
 * tool given the same batch size) or in the engine's own adaptive batches. Its data map may be
 * known only when its turn comes ({@link #named}): a rule held to a rate measured earlier in the
 * same run.
 */
final class LethePurge implements Purge {

  static final String RULE = "messages_13_months";

  private final DataSource dataSource;
  private final Supplier<DataMap> map;
  private final String name;
  private final Path files;
  private final int fixedBatch;
  private final int topStatements;

  /**
   * @param fixedBatch messages per batch, or 0 for the engine's adaptive batches
   * @param topStatements how many of the statements it spent most time in to print, or 0
   */
  LethePurge(DataSource dataSource, DataMap map, Path files, int fixedBatch, int topStatements) {
    this(dataSource, () -> map, name(map, fixedBatch), files, fixedBatch, topStatements);
  }

  private LethePurge(
      DataSource dataSource,
      Supplier<DataMap> map,
      String name,
      Path files,
      int fixedBatch,
      int topStatements) {
    this.dataSource = dataSource;
    this.map = map;
    this.name = name;
    this.files = files;
    this.fixedBatch = fixedBatch;
    this.topStatements = topStatements;
  }

  /**
   * A purge called {@code name} whose data map is asked of {@code map} when its turn comes, in the
   * rule's own batches.
   */
  static LethePurge named(
      DataSource dataSource, String name, Supplier<DataMap> map, Path files, int topStatements) {
    return new LethePurge(dataSource, map, name, files, 0, topStatements);
  }

  /** The same purge under another name. */
  LethePurge renamed(String newName) {
    return new LethePurge(dataSource, map, newName, files, fixedBatch, topStatements);
  }

  @Override
  public String name() {
    return name;
  }

  private static String name(DataMap map, int fixedBatch) {
    int ruleBatch = rule(map).batch();
    String batches =
        fixedBatch > 0 ? "batch " + fixedBatch : ruleBatch > 0 ? "batch " + ruleBatch : "adaptive";
    double pause = rule(map).pauseRatio();
    return pause > 0
        ? String.format(Locale.ROOT, "lethe (%s, pause %s×)", batches, pauseText(pause))
        : "lethe (" + batches + ")";
  }

  /** The rule this purge sweeps, as {@code map} declares it. */
  static RetentionRule rule(DataMap map) {
    return map.retention().stream()
        .filter(r -> r.name().equals(RULE))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no rule " + RULE));
  }

  /**
   * {@code map} with its rule pausing {@code ratio} times each page's time after it ({@code
   * pause_ratio}), in pages of at most {@code batch} messages ({@code batch}), from the same text.
   */
  static DataMap paced(String resource, String text, double ratio, int batch) {
    return paced(resource, text, ratio, batch, 0);
  }

  /** The same, held to at most {@code rate} messages a second ({@code max_rows_per_second}). */
  static DataMap paced(String resource, String text, double ratio, int batch, long rate) {
    String rule = "  - name: " + RULE + "\n";
    if (!text.contains(rule)) {
      throw new IllegalStateException("no rule " + RULE + " in " + resource);
    }
    String pace = "    pause_ratio: " + pauseText(ratio) + "\n    batch: " + batch + "\n";
    if (rate > 0) {
      pace += "    max_rows_per_second: " + rate + "\n";
    }
    DataMap map = DataMapLoader.load(resource, text.replace(rule, rule + pace));
    if (rule(map).pauseRatio() != ratio
        || rule(map).batch() != batch
        || rule(map).maxRowsPerSecond() != rate) {
      throw new IllegalStateException(
          "the rule " + RULE + " did not take the pause, batch and rate");
    }
    return map;
  }

  /** The reference data map's attachments, down to the line before their files. */
  private static final String ATTACHMENTS = "  attachments:\n    tenant: workspace_id\n";

  /** The same, down to the line that gives them their files. */
  static final String ATTACHMENT_FILES = ATTACHMENTS + "    files: [storage_key]\n";

  /**
   * {@code text} with the attachments declaring no files: their rows are deleted as before, no key
   * of a file recorded and no file deleted, as the baselines do.
   */
  static String withoutFiles(String resource, String text) {
    if (!text.contains(ATTACHMENT_FILES)) {
      throw new IllegalStateException("no attachments with files in " + resource);
    }
    // a comment in the line's place: every other line keeps its number
    String without =
        text.replace(ATTACHMENT_FILES, ATTACHMENTS + "    # files: left in the store\n");
    if (!DataMapLoader.load(resource, without).entity("attachments").files().isEmpty()) {
      throw new IllegalStateException("the attachments kept their files");
    }
    return without;
  }

  private static String pauseText(double ratio) {
    return ratio == Math.rint(ratio) ? String.valueOf((long) ratio) : String.valueOf(ratio);
  }

  @Override
  public boolean isLethe() {
    return true;
  }

  @Override
  public Purge.Outcome purge(MessagesTable table) {
    DataMap map = this.map.get();
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
    timer.keepSpans();
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
    return new Purge.Outcome(took, deleted, timer.longestMillis(), timer.spans());
  }
}
