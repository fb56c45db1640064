package dev.lethe.bench.retention;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import dev.lethe.bench.ContestantResult;
import dev.lethe.bench.HeapPeak;
import dev.lethe.bench.Scenario;
import dev.lethe.bench.ScenarioResult;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.retention.RetentionSweep;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retention under write load: the reference data map's rule {@code messages_13_months} purges the
 * messages older than 13 months (about a third of them) while a steady writer inserts new ones.
 * Lethe against {@code pt-archiver --purge} with the same batch size on MariaDB, and against one
 * {@code DELETE} in one transaction on PostgreSQL (and MariaDB); rows per second, the writer's
 * latency during the purge, the longest transaction. Every contestant must leave no aged message,
 * every newer one and every one the writer inserted.
 */
public final class RetentionScenario implements Scenario {

  /** Messages per batch, for Lethe and pt-archiver alike. */
  public static final int BATCH = 1000;

  /** The largest batch the paced runs may be given ({@code paced-batch}). */
  public static final int MOST_PACED_BATCH = 5_000;

  /**
   * The largest multiple of pt-archiver's rate a rated run may be held to ({@code paced-rates}).
   */
  public static final int MOST_RATE_MULTIPLE = 100;

  /**
   * The most rounds of paced runs between pt-archiver's a run may be given ({@code paced-rounds}).
   */
  public static final int MOST_ROUNDS = 10;

  /** Inserts a second by the steady writer. */
  static final int WRITER_RATE = 200;

  /** The writer's connections. */
  static final int WRITER_THREADS = 4;

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public boolean supports(BenchTarget target) {
    return target.vendor() == Vendor.POSTGRESQL || target.vendor() == Vendor.MARIADB;
  }

  @Override
  public ScenarioResult run(BenchTarget target) throws Exception {
    boolean withoutFiles = target.option("without-files").isPresent();
    String mapText =
        withoutFiles
            ? LethePurge.withoutFiles(
                ReferencePlatform.dataMapResource(), ReferencePlatform.dataMapText())
            : ReferencePlatform.dataMapText();
    DataMap map = DataMapLoader.load(ReferencePlatform.dataMapResource(), mapText);
    RetentionRule rule = LethePurge.rule(map);
    // tests run it tiny: shorter, and without the JIT warm-up run
    boolean tiny = target.size() == BenchSize.TINY;
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "load average %.2f on %d processors before the run",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors()));
    notes.add(
        "a writer inserts "
            + WRITER_RATE
            + " messages/s throughout from "
            + WRITER_THREADS
            + " connections, one transaction each, in a JVM of its own; its latency is measured"
            + " from each insert's scheduled start, during the purge only");
    Path files = Files.createTempDirectory("lethe-bench-retention");
    Path writerLogs = Files.createTempDirectory("lethe-bench-writer");
    notes.add("writer process: log " + writerLogs.resolve("writer.log"));
    List<ContestantResult> results = new ArrayList<>();
    try (HikariDataSource dataSource = target.openDataSource("bench-retention")) {
      MessagesTable table =
          new MessagesTable(
              dataSource,
              target.vendor(),
              RetentionSweep.cutoff(rule, PlatformGenerator.REFERENCE_NOW));
      RetentionTrial trial =
          new RetentionTrial(
              target,
              writerLogs,
              table,
              target.size().platform(),
              WRITER_RATE,
              tiny ? Duration.ofMillis(200) : Duration.ofSeconds(1));
      if (!tiny) {
        // the engine's first run in this JVM loads and compiles its classes, on the writer's CPU
        trial.run(new LethePurge(dataSource, map, files, 0, 0));
        notes.add("one unmeasured run of Lethe first, so that no contestant pays for the JIT");
      }
      RetentionContestants contestants =
          new RetentionContestants(target, dataSource, map, mapText, files, notes);
      for (Purge purge : contestants.purges()) {
        HeapPeak.reset();
        RetentionTrial.Result result = trial.run(purge);
        contestants.ran(purge, result.rowsPerSecond());
        results.add(contestant(result, purge.isLethe() ? HeapPeak.bytes() : null, notes));
      }
      if (contestants.bracketed()) {
        notes.addAll(Brackets.compare(results));
      }
      notes.add(
          "aged messages with attachments: the attachments go first (pt-archiver: a run of its own"
              + " on attachments); "
              + (withoutFiles
                  ? "their files declared in no data map (--without-files): every contestant"
                      + " leaves them"
                  : "Lethe also deletes their files, the baselines leave them"));
    } finally {
      Files.deleteIfExists(files);
    }
    String baseline =
        target.vendor() != Vendor.MARIADB
            ? SingleDelete.NAME
            : results.stream()
                .map(ContestantResult::name)
                .filter(name -> name.startsWith(PtArchiver.PURGE_NAMES))
                .findFirst()
                .orElse(PtArchiver.NAME);
    return new ScenarioResult(
        name(), target.database(), target.size().label(), baseline, results, notes);
  }

  private static ContestantResult contestant(
      RetentionTrial.Result result, Long heap, List<String> notes) {
    Purge purge = result.purge();
    MessagesTable.Check check = result.check();
    boolean complete = check.passed() && result.outcome().deleted() == result.before().aged();
    if (!complete && !purge.isLethe()) {
      throw new IllegalStateException(purge.name() + " did not purge as it should: " + check);
    }
    if (!complete) {
      notes.add(purge.name() + ": verification failed: " + check);
    }
    Map<String, Double> extra = new LinkedHashMap<>();
    extra.put("writer_p50_ms", result.writerMillis(50));
    extra.put("writer_p99_ms", result.writerMillis(99));
    extra.put("writer_max_ms", result.writerMillis(100));
    // where the writer's tail comes from: its inserts due inside Lethe's transactions (and of them
    // those due while one committed), and between them
    result
        .writerSplit()
        .ifPresent(
            split -> {
              extra.put("writer_share_in_tx", split.shareInside());
              extra.put("writer_p99_in_tx_ms", split.inside().getValueAtPercentile(99) / 1000.0);
              extra.put(
                  "writer_p99_between_tx_ms", split.between().getValueAtPercentile(99) / 1000.0);
              extra.put("writer_share_in_commit", split.shareInCommit());
              extra.put(
                  "writer_p99_in_commit_ms", split.commit().getValueAtPercentile(99) / 1000.0);
            });
    extra.put("writer_inserts", (double) result.writerInserted());
    extra.put("writer_failures", (double) result.writerFailed());
    extra.put("attachments_deleted", (double) result.before().agedAttachments());
    return new ContestantResult(
        purge.name(),
        result.outcome().elapsedMillis(),
        result.before().aged(),
        "rows",
        result.rowsPerSecond(),
        extra,
        result.outcome().longestTransactionMillis(),
        heap,
        purge.isLethe() ? Boolean.valueOf(complete) : null);
  }
}
