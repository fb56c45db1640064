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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
   * The pause ratios of Lethe's paced purges on MariaDB unless the {@code pauses} option names
   * others: a wait as long as each page.
   */
  static final List<Double> PAUSES_ON_MARIADB = List.of(1.0);

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
      MeasuredRate measured = new MeasuredRate();
      for (Purge purge : contestants(target, dataSource, map, mapText, files, measured, notes)) {
        HeapPeak.reset();
        RetentionTrial.Result result = trial.run(purge);
        measured.ran(purge, result.rowsPerSecond());
        results.add(contestant(result, purge.isLethe() ? HeapPeak.bytes() : null, notes));
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
                .filter(name -> name.startsWith("pt-archiver --purge ("))
                .findFirst()
                .orElse(PtArchiver.NAME);
    return new ScenarioResult(
        name(), target.database(), target.size().label(), baseline, results, notes);
  }

  /** Lethe first, but for pt-archiver's run before Lethe's paced runs (paced only on MariaDB). */
  private static List<Purge> contestants(
      BenchTarget target,
      HikariDataSource dataSource,
      DataMap map,
      String mapText,
      Path files,
      MeasuredRate measured,
      List<String> notes) {
    int top = target.option("top-statements").map(Integer::parseInt).orElse(0);
    boolean pacedOnly = target.option("paced-only").isPresent();
    int pacedBatch = target.option("paced-batch").map(Integer::parseInt).orElse(BATCH);
    List<Double> pauses = pauses(target);
    List<Double> rates = rates(target);
    // asked once: each asking starts the tool
    boolean hasPtArchiver = target.vendor() == Vendor.MARIADB && PtArchiver.installed();
    // paced only on MariaDB: pt-archiver before Lethe's paced runs and again after them, so that
    // the server's drift during the run shows in its own results
    boolean anyPaced = !pauses.isEmpty() || !rates.isEmpty();
    boolean bracketed = pacedOnly && anyPaced && hasPtArchiver;
    if (!rates.isEmpty() && !bracketed) {
      throw new IllegalStateException(
          "--paced-rates: Lethe's rated runs are held to multiples of pt-archiver --purge's rate,"
              + " measured before them: they need --paced-only, MariaDB and pt-archiver (Debian:"
              + " percona-toolkit)");
    }
    List<Purge> purges = new ArrayList<>();
    if (pacedOnly) {
      notes.add("--paced-only: the paced runs and their baseline only");
      if (bracketed) {
        notes.add(
            "pt-archiver --purge runs before Lethe's paced runs and again after them, so that the"
                + " server's drift during the run shows; the ratios' baseline is the first");
        PtArchiver before = ptArchiver(target, pacedBatch, false, "before Lethe");
        measured.measure(before);
        purges.add(before);
      }
    } else if (target.vendor() == Vendor.MARIADB) {
      purges.add(new LethePurge(dataSource, map, files, BATCH, top));
      if (hasPtArchiver) {
        purges.add(ptArchiver(target, BATCH, false));
        purges.add(ptArchiver(target, BATCH, true));
      } else {
        notes.add("pt-archiver is not installed (Debian: percona-toolkit): its runs are left out");
      }
      purges.add(new LethePurge(dataSource, map, files, 0, top));
    } else {
      purges.add(new LethePurge(dataSource, map, files, 0, top));
      purges.add(new LethePurge(dataSource, map, files, BATCH, top));
    }
    // the writer's latency against pt-archiver's, which runs one statement at a time: the rule
    // paced and given a batch, as a user would write it, its pages sized by the engine below that
    for (double ratio : pauses) {
      DataMap paced =
          LethePurge.paced(ReferencePlatform.dataMapResource(), mapText, ratio, pacedBatch);
      purges.add(new LethePurge(dataSource, paced, files, 0, top));
    }
    // the writer's latency against pt-archiver's at the same rate: the rule held to a multiple of
    // the rows a second pt-archiver deleted before them
    for (double multiple : rates) {
      purges.add(measured.lethe(multiple, pacedBatch, dataSource, mapText, files, top, notes));
    }
    if ((pacedOnly || pacedBatch != BATCH) && anyPaced && target.vendor() == Vendor.MARIADB) {
      // the paced runs against pt-archiver at their own batch size
      if (bracketed) {
        purges.add(ptArchiver(target, pacedBatch, false, "after Lethe"));
      } else if (hasPtArchiver) {
        purges.add(ptArchiver(target, pacedBatch, false));
      } else if (pacedOnly) {
        notes.add("pt-archiver is not installed (Debian: percona-toolkit): the paced runs alone");
      }
    }
    if (!pacedOnly || target.vendor() != Vendor.MARIADB) {
      purges.add(new SingleDelete(dataSource));
    }
    return purges;
  }

  private static PtArchiver ptArchiver(BenchTarget target, int batch, boolean bulkDelete) {
    return ptArchiver(target, batch, bulkDelete, null);
  }

  private static PtArchiver ptArchiver(
      BenchTarget target, int batch, boolean bulkDelete, String turn) {
    String user = target.option("user").orElse("root");
    String password = target.option("password").orElse("");
    return new PtArchiver(target.jdbcUrl(), user, password, batch, bulkDelete, turn);
  }

  /**
   * The pause ratios of the paced purges: the {@code pauses} option's, or the vendor's default
   * (none when rated runs are asked for).
   */
  static List<Double> pauses(BenchTarget target) {
    boolean rated = target.option("paced-rates").isPresent();
    return numbers(target, "pauses")
        .orElse(target.vendor() == Vendor.MARIADB && !rated ? PAUSES_ON_MARIADB : List.of());
  }

  /**
   * The multiples of pt-archiver's rate Lethe's rated runs are held to: the {@code paced-rates}
   * option's, or none.
   */
  static List<Double> rates(BenchTarget target) {
    return numbers(target, "paced-rates").orElse(List.of());
  }

  /** The numbers option {@code name} lists, separated by commas, if it was given. */
  private static Optional<List<Double>> numbers(BenchTarget target, String name) {
    return target
        .option(name)
        .map(list -> Arrays.stream(list.split(",")).map(Double::valueOf).toList());
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
