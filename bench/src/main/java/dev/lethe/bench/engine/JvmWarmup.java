package dev.lethe.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.schema.Vendor;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Runs Lethe before anything is timed, so that Lethe is measured as a deployed service runs: with
 * its code (and jOOQ's, and the driver's) loaded and compiled. One erasure of a tiny platform
 * leaves most of it interpreted; the just-in-time compiler wants thousands of calls. So the
 * scenario is run on {@link #H2_ROUNDS} tiny in-memory H2 platforms (a few hundred statements each,
 * about ten seconds in all on two cores), then on {@code small} platforms in the benchmarked
 * database itself, whose SQL dialect and driver take paths of their own, through the same timed
 * data source as the contestants: their subjects are erased in rounds until, past the scenario's
 * {@link ErasureScenario#warmUpMinimum}, the last {@link #SETTLED_ROUNDS} rounds spent at most
 * {@link #SETTLED_SHARE} of their time compiling (the compiler has settled), or {@link
 * ErasureScenario#warmUpPlatforms} platforms are erased. That engine is the one timed next, as a
 * deployed service keeps one engine for every request (its page shapes rendered once). The
 * set-based SQL, the baseline of the targets, is then warmed up the same way on platforms of its
 * own: its statements are few, but its own code and the driver's paths it takes were otherwise
 * compiled while it was timed. The other baselines (row-by-row, far slower, and the cascade, on a
 * schema of its own) are not.
 */
final class JvmWarmup {

  static final int H2_ROUNDS = 30;

  /** The last rounds on the target whose share of compiling tells whether the compiler settled. */
  static final int SETTLED_ROUNDS = 3;

  /** Rounds that spent at most this share of their time compiling end the warm-up. */
  static final double SETTLED_SHARE = 0.05;

  /** The most {@code small} platforms the warm-up fills and erases on the target, by default. */
  static final int MAX_PLATFORMS = 5;

  private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

  private JvmWarmup() {}

  /** Erases subjects, as a contestant does. */
  @FunctionalInterface
  interface Eraser {
    void erase(List<Subject> subjects) throws SQLException;
  }

  /**
   * What the warm-up of one contestant on the target did: its rounds, the subjects erased in them,
   * its time, the share of their time its last rounds spent compiling and whether that share ended
   * it.
   */
  record Report(
      String contestant, int rounds, int subjects, long millis, double lastShare, boolean settled) {

    String note() {
      return String.format(
          Locale.ROOT,
          "warm-up of %s on the target: %d rounds, %d subjects erased in %.1f s; its last rounds"
              + " spent %.0f %% of their time compiling (%s)",
          contestant,
          rounds,
          subjects,
          millis / 1e3,
          lastShare * 100,
          settled ? "settled" : "not settled: its platforms all erased");
    }
  }

  /** The engine the warm-up ran on the target, to be timed next, and what each warm-up did. */
  record Warm(Lethe lethe, List<Report> reports) {}

  /**
   * Warms Lethe up for a run at {@code size} (at {@code tiny}, the module's tests, one round on
   * each database only), then {@code baseline} (the set-based SQL, when it runs), the target's
   * rounds through {@code timed}.
   */
  static Warm run(
      ErasureScenario scenario,
      DataMap map,
      byte[] secret,
      Path files,
      BenchTarget target,
      DataSource timed,
      Optional<Eraser> baseline)
      throws SQLException {
    boolean tiny = target.size() == BenchSize.TINY;
    for (int round = 0; round < (tiny ? 1 : H2_ROUNDS); round++) {
      onH2(scenario, map, secret, files);
    }
    // the platform's tables first: Lethe's own are created beside them when it opens
    BenchPlatform.recreate(timed, target.vendor(), platformSize(target), true, null);
    Lethe lethe = open(map, secret, files, timed);
    List<Report> reports = new ArrayList<>();
    reports.add(
        onTarget(
            Contestants.LETHE,
            scenario,
            target,
            timed,
            true,
            subjects ->
                Contestants.lethe(lethe, scenario.scope(), scenario.tenantBound(), subjects)));
    if (baseline.isPresent()) {
      reports.add(onTarget(Contestants.SET_BASED, scenario, target, timed, false, baseline.get()));
    }
    return new Warm(lethe, reports);
  }

  /**
   * Erases the subjects of {@code small} platforms (one {@code tiny} platform's at that size) in
   * rounds until the compiler settles, the first platform the one filled already when {@code
   * filled}.
   */
  private static Report onTarget(
      String contestant,
      ErasureScenario scenario,
      BenchTarget target,
      DataSource timed,
      boolean filled,
      Eraser eraser)
      throws SQLException {
    BenchSize size = platformSize(target);
    boolean tiny = size == BenchSize.TINY;
    long started = System.nanoTime();
    List<Subject> subjects = List.of();
    int platforms = 0;
    int next = 0;
    int rounds = 0;
    int erased = 0;
    ArrayDeque<long[]> last = new ArrayDeque<>(); // each round's milliseconds and compiling
    boolean settled = false;
    while (!settled) {
      if (next == subjects.size()) {
        if (platforms == (tiny ? 1 : scenario.warmUpPlatforms())) {
          break;
        }
        if (platforms > 0 || !filled) {
          BenchPlatform.recreate(timed, target.vendor(), size, false, null);
        }
        platforms++;
        try (Connection connection = timed.getConnection()) {
          subjects =
              tiny ? scenario.subjects(connection, size) : scenario.warmUpSubjects(connection);
        }
        next = 0;
      }
      int perRound = tiny ? subjects.size() : scenario.warmUpRound();
      List<Subject> round = subjects.subList(next, Math.min(subjects.size(), next + perRound));
      long compiledBefore = compileMillis();
      long roundStarted = System.nanoTime();
      eraser.erase(round);
      last.addLast(
          new long[] {
            (System.nanoTime() - roundStarted) / 1_000_000, compileMillis() - compiledBefore
          });
      if (last.size() > SETTLED_ROUNDS) {
        last.removeFirst();
      }
      next += round.size();
      erased += round.size();
      rounds++;
      settled =
          tiny
              || (erased >= scenario.warmUpMinimum()
                  && last.size() == SETTLED_ROUNDS
                  && share(last) <= SETTLED_SHARE);
    }
    return new Report(
        contestant,
        rounds,
        erased,
        (System.nanoTime() - started) / 1_000_000,
        share(last),
        settled);
  }

  /**
   * The size of the platforms the warm-up erases on the target: {@code small}, or tiny in tests.
   */
  private static BenchSize platformSize(BenchTarget target) {
    return target.size() == BenchSize.TINY ? BenchSize.TINY : BenchSize.SMALL;
  }

  /** The compiler's time so far, in milliseconds, summed over its threads. */
  static long compileMillis() {
    return COMPILER.getTotalCompilationTime();
  }

  private static double share(ArrayDeque<long[]> rounds) {
    long millis = 0;
    long compiling = 0;
    for (long[] round : rounds) {
      millis += round[0];
      compiling += round[1];
    }
    return millis == 0 ? 0 : (double) compiling / millis;
  }

  private static void onH2(ErasureScenario scenario, DataMap map, byte[] secret, Path files)
      throws SQLException {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(
        "jdbc:h2:mem:warmup"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8)
            + ";DATABASE_TO_LOWER=TRUE");
    dataSource.setUsername("sa");
    dataSource.setPassword("");
    try (dataSource) { // the in-memory database goes with the pool's last connection
      BenchPlatform.recreate(dataSource, Vendor.H2, BenchSize.TINY, true, null);
      List<Subject> subjects;
      try (Connection connection = dataSource.getConnection()) {
        subjects = scenario.subjects(connection, BenchSize.TINY);
      }
      Contestants.lethe(
          open(map, secret, files, dataSource), scenario.scope(), scenario.tenantBound(), subjects);
    }
  }

  private static Lethe open(DataMap map, byte[] secret, Path files, DataSource dataSource) {
    return Lethe.open(
        new Lethe.Config(
            dataSource,
            map,
            new LocalDirectoryFileStore(files),
            Clock.systemUTC(),
            Optional.of(secret),
            ExecutionOptions.defaults()));
  }
}
