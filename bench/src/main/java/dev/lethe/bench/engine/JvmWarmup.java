package dev.lethe.bench.engine;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.bench.BenchSize;
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

/**
 * Runs Lethe once on a tiny platform in an in-memory H2 database before anything is timed, so that
 * Lethe, measured first, does not pay alone for loading and compiling its code (and jOOQ's): a
 * deployed service runs warm.
 */
final class JvmWarmup {

  private JvmWarmup() {}

  static void run(ErasureScenario scenario, DataMap map, byte[] secret, Path files)
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
}
