package dev.lethe.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.schema.Vendor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Runs Lethe on tiny platforms before anything is timed, so that Lethe is measured as a deployed
 * service runs: with its code (and jOOQ's) loaded and compiled. One erasure of a tiny platform
 * leaves most of it interpreted; the just-in-time compiler wants thousands of calls. So the
 * scenario is run on {@link #H2_ROUNDS} tiny in-memory H2 platforms (a few hundred statements each,
 * about ten seconds in all on two cores), then {@link #TARGET_ROUNDS} times on a tiny platform in
 * the benchmarked database itself, whose SQL dialect and driver take paths of their own. The
 * baselines, plain JDBC, need no such warm-up.
 */
final class JvmWarmup {

  static final int H2_ROUNDS = 30;
  static final int TARGET_ROUNDS = 3;

  private JvmWarmup() {}

  /**
   * Warms Lethe up for a run at {@code size} (at {@code tiny}, the module's tests, once on each
   * database only); leaves {@code target}'s platform tables filled with tiny data.
   */
  static void run(
      ErasureScenario scenario,
      DataMap map,
      byte[] secret,
      Path files,
      BenchTarget target,
      DataSource dataSource)
      throws SQLException {
    boolean tiny = target.size() == BenchSize.TINY;
    for (int round = 0; round < (tiny ? 1 : H2_ROUNDS); round++) {
      onH2(scenario, map, secret, files);
    }
    for (int round = 0; round < (tiny ? 1 : TARGET_ROUNDS); round++) {
      BenchPlatform.recreate(dataSource, target.vendor(), BenchSize.TINY, round == 0, null);
      erase(scenario, map, secret, files, dataSource);
    }
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
      erase(scenario, map, secret, files, dataSource);
    }
  }

  private static void erase(
      ErasureScenario scenario, DataMap map, byte[] secret, Path files, DataSource dataSource)
      throws SQLException {
    List<Subject> subjects;
    try (Connection connection = dataSource.getConnection()) {
      subjects = scenario.subjects(connection, BenchSize.TINY);
    }
    Lethe lethe =
        Lethe.open(
            new Lethe.Config(
                dataSource,
                map,
                new LocalDirectoryFileStore(files),
                Clock.systemUTC(),
                Optional.of(secret),
                ExecutionOptions.defaults()));
    Contestants.lethe(lethe, scenario.scope(), scenario.tenantBound(), subjects);
  }
}
