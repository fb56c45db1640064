package dev.lethe.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import dev.lethe.bench.ContestantResult;
import dev.lethe.bench.HeapPeak;
import dev.lethe.bench.Scenario;
import dev.lethe.bench.ScenarioResult;
import dev.lethe.bench.TopStatements;
import dev.lethe.bench.TransactionClock;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Erasures on the reference platform: Lethe, hand-written set-based SQL, {@code ON DELETE CASCADE}
 * and row-by-row deletes, each on freshly generated identical data. After each, the subjects' rows
 * must be gone, every other row untouched, and the whole database equal to what Lethe left.
 */
public abstract class ErasureScenario implements Scenario {

  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  private static final byte[] SECRET =
      "lethe-bench-installation-secret".getBytes(StandardCharsets.UTF_8);

  /** The data map's scope each subject is erased with. */
  abstract String scope();

  abstract boolean tenantBound();

  abstract ErasureSql sql();

  /** {@code rows} (timed: one large erasure) or the subjects' unit (a throughput). */
  abstract String unit();

  /** The subjects, read from freshly generated data (the same on every contestant's copy). */
  abstract List<Subject> subjects(Connection connection, BenchSize size) throws SQLException;

  /**
   * Every subject the warm-up may erase on a {@code small} platform, in the order it erases them.
   */
  abstract List<Subject> warmUpSubjects(Connection connection) throws SQLException;

  /** How many subjects a round of the warm-up erases before it asks whether the JIT settled. */
  abstract int warmUpRound();

  /** The most {@code small} platforms the warm-up on the target fills and erases. */
  int warmUpPlatforms() {
    return JvmWarmup.MAX_PLATFORMS;
  }

  /**
   * How many subjects the warm-up on the target erases at least before the compiler's quiet rounds
   * may end it. None by default.
   */
  int warmUpMinimum() {
    return 0;
  }

  /**
   * Subjects, none of them among {@link #subjects}, that each contestant erases on its own copy of
   * the data just before its timed run, untimed: what the warm-up on {@code small} platforms left
   * for the compiler on the timed platform's data (its deoptimizations and recompilations) happens
   * then, not in the timed run. None by default.
   */
  List<Subject> settlingSubjects(Connection connection, BenchSize size) throws SQLException {
    return List.of();
  }

  /** The baselines run beside Lethe, in the order they run (the cascading schema last). */
  public static final List<String> BASELINES =
      List.of(Contestants.SET_BASED, Contestants.ROW_BY_ROW, Contestants.CASCADE);

  /** How many rows of each row-by-row step are timed at this size (0: all of them). */
  abstract int rowByRowSample(BenchSize size);

  @Override
  public boolean supports(BenchTarget target) {
    return target.vendor() == Vendor.POSTGRESQL || target.vendor() == Vendor.MARIADB;
  }

  @Override
  public ScenarioResult run(BenchTarget target) throws Exception {
    DataMap map =
        DataMapLoader.load(ReferencePlatform.dataMapResource(), ReferencePlatform.dataMapText());
    String salt = new KeyedHasher(SECRET).hex("anonymization", "salt");
    Contestants contestants = new Contestants(sql(), target.vendor(), salt);
    List<ContestantResult> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "load average %.2f on %d processors before the run",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors()));
    Path files = Files.createTempDirectory("lethe-bench-files");
    try (HikariDataSource dataSource = target.openDataSource("bench")) {
      TransactionClock clock = new TransactionClock(dataSource);
      List<String> chosen =
          target.option("baselines").map(b -> List.of(b.split(","))).orElse(BASELINES);
      Optional<JvmWarmup.Eraser> setBased =
          chosen.contains(Contestants.SET_BASED)
              ? Optional.of(subjects -> contestants.setBased(clock, subjects))
              : Optional.empty();
      JvmWarmup.Warm warm = JvmWarmup.run(this, map, SECRET, files, target, clock, setBased);
      Optional<PurgeBacklog> backlog =
          PurgeBacklog.of(
              dataSource,
              target.vendor(),
              target.size() == BenchSize.TINY ? Duration.ofSeconds(10) : Duration.ofMinutes(10));
      warm.reports().forEach(report -> notes.add(report.note()));
      notes.add("database " + databaseVersion(dataSource));
      Checks checks = null;
      List<String> running = new ArrayList<>(List.of(Contestants.LETHE));
      BASELINES.stream().filter(chosen::contains).forEach(running::add);
      for (String name : running) {
        // the cascading schema variant comes last, so the schema is changed once
        long filling = System.nanoTime();
        BenchPlatform.recreate(
            dataSource,
            target.vendor(),
            target.size(),
            name.equals(Contestants.LETHE),
            name.equals(Contestants.CASCADE) ? map : null);
        List<Subject> subjects;
        List<Subject> settling;
        try (Connection connection = dataSource.getConnection()) {
          subjects = subjects(connection, target.size());
          settling = settlingSubjects(connection, target.size());
          if (checks == null) {
            List<Subject> erased = new ArrayList<>(settling);
            erased.addAll(subjects);
            checks = Checks.before(connection, target.vendor(), sql(), erased);
          }
        }
        // the engine the warm-up ran, as a deployed service keeps one engine for every request
        Lethe lethe = name.equals(Contestants.LETHE) ? warm.lethe() : null;
        int sample = rowByRowSample(target.size());
        long filled = System.nanoTime();
        if (!settling.isEmpty()) {
          erase(name, contestants, clock, lethe, settling, sample);
        }
        long rowsAtStart;
        try (Connection connection = dataSource.getConnection()) {
          rowsAtStart = Fingerprint.rows(connection);
        }
        // every contestant starts with nothing left to purge (the warm-up's, the settling's)
        if (backlog.isPresent() && backlog.get().awaitPurged() < 0) {
          notes.add(name + ": InnoDB had not purged what was deleted before its run when it began");
        }
        HeapPeak.reset();
        clock.reset();
        long started = System.nanoTime();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long compiledBefore = JvmWarmup.compileMillis();
        Work work = erase(name, contestants, clock, lethe, subjects, sample);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        long cpu = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
        long compiled = JvmWarmup.compileMillis() - compiledBefore;
        long longest = clock.longestMillis();
        long heap = HeapPeak.bytes();
        Map<String, Double> extra = new LinkedHashMap<>();
        long purged = -1;
        if (backlog.isPresent()) {
          purged = backlog.get().awaitPurged();
          putPurged(extra, elapsed, purged, name, notes);
        }
        extra.put("statements", (double) clock.statements());
        // the contestant's own processor time (its code and the driver's), apart from the time it
        // waited for the database: steadier than the wall clock on a shared machine
        extra.put("cpu_ms", (double) cpu);
        // the just-in-time compiler's time meanwhile, summed over its threads: near zero when the
        // warm-up did its work, else the compiler took processor time from the contestant
        extra.put("jit_ms", (double) compiled);
        extra.put("longest_read_ms", (double) clock.longestReadMillis());
        TransactionReport.put(extra, clock);
        target
            .option("top-statements")
            .map(Integer::parseInt)
            .ifPresent(n -> TopStatements.print(name, clock, n));
        TransactionReport.printLongest(name, clock);
        try (Connection connection = dataSource.getConnection()) {
          checks.after(connection, name, rowsAtStart, extra, notes);
        }
        System.err.printf(
            Locale.ROOT,
            "  %-18s data %5.1f s, run %6.1f s (processor %5.1f s)%s, checks %5.1f s%n",
            name,
            (filled - filling) / 1e9,
            elapsed / 1e3,
            cpu / 1e3,
            purged < 0 ? "" : String.format(Locale.ROOT, ", purged %5.1f s after", purged / 1e3),
            (System.nanoTime() - started) / 1e9 - elapsed / 1e3 - Math.max(0, purged) / 1e3);
        if (work.extrapolatedMillis() != null) {
          extra.put("measured_ms", (double) elapsed);
          elapsed = work.extrapolatedMillis();
          // the rest deleted untimed: its purge is not comparable
          extra.remove(ScenarioResult.UNTIL_PURGED);
          notes.add(
              name
                  + ": the first "
                  + sample
                  + " rows of each statement were timed and the time extrapolated to all its"
                  + " rows; the rest was deleted set-based, untimed");
        }
        long units =
            unit().equals("rows") ? extra.get("rows_deleted").longValue() : subjects.size();
        results.add(
            new ContestantResult(
                name,
                elapsed,
                units,
                unit(),
                ContestantResult.rate(units, elapsed),
                extra,
                longest,
                heap,
                work.verified()));
      }
    } finally {
      Files.deleteIfExists(files);
    }
    return new ScenarioResult(
        name(), target.database(), target.size().label(), Contestants.SET_BASED, results, notes);
  }

  /**
   * What InnoDB's purge of the contestant's deleted rows took after its run ({@link PurgeBacklog}):
   * {@code purged_after_ms}, and {@code until_purged_ms}, the run's time and that together; -1 and
   * a note when the purge did not end within the limit.
   */
  private static void putPurged(
      Map<String, Double> extra, long elapsed, long purged, String name, List<String> notes) {
    extra.put("purged_after_ms", (double) purged);
    extra.put(ScenarioResult.UNTIL_PURGED, purged < 0 ? -1.0 : (double) (elapsed + purged));
    if (purged < 0) {
      notes.add(name + ": InnoDB had not purged its deleted rows within the limit");
    }
  }

  /** Erases {@code subjects} as contestant {@code name} does. */
  private Work erase(
      String name,
      Contestants contestants,
      TransactionClock clock,
      Lethe lethe,
      List<Subject> subjects,
      int sample)
      throws SQLException {
    return switch (name) {
      case Contestants.LETHE -> Contestants.lethe(lethe, scope(), tenantBound(), subjects);
      case Contestants.SET_BASED -> contestants.setBased(clock, subjects);
      case Contestants.ROW_BY_ROW -> contestants.rowByRow(clock, subjects, sample);
      default -> contestants.cascade(clock, subjects);
    };
  }

  private static String databaseVersion(HikariDataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }
  }
}
