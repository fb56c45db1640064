package dev.lethe.core.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Lethe's Flyway migrations, one process at a time. Lethe's tables share their schema with others
 * (the host's, or the service's next to the core's), so each set has a history table of its own and
 * is baselined on first migration. Flyway locks a history table once it has rows; two instances
 * starting together on a fresh database both found it missing, and the second, finding it created
 * but empty, refused to baseline it. Each migration holds a lock named after the schema and its
 * history table for as long as it runs: a session's advisory lock on PostgreSQL, a named lock on
 * MariaDB and MySQL (released by the database if the process dies). An embedded H2 database belongs
 * to one process.
 */
public final class Migrations {

  /** How long an instance waits for another one's migration before giving up. */
  private static final int WAIT_SECONDS = 300;

  private Migrations() {}

  /**
   * Creates or upgrades the tables of the migrations under {@code classpath:<location>/<vendor's
   * folder>}, recorded in the history table {@code historyTable}.
   */
  public static void migrate(
      DataSource dataSource, Vendor vendor, String historyTable, String location) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .table(historyTable)
            .locations("classpath:" + location + "/" + vendor.migrationFolder())
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    if (vendor == Vendor.H2) {
      flyway.migrate();
      return;
    }
    try (Connection lock = dataSource.getConnection()) {
      acquire(lock, vendor, historyTable);
      try {
        flyway.migrate();
      } finally {
        release(lock, vendor, historyTable);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not lock the migration of " + historyTable, e);
    }
  }

  /** Takes the lock of the migration recorded in {@code historyTable}, waiting for it. */
  static void acquire(Connection lock, Vendor vendor, String historyTable) throws SQLException {
    String sql =
        vendor == Vendor.POSTGRESQL
            ? "select pg_advisory_lock(" + lockName(vendor) + "), 1"
            : "select get_lock(" + lockName(vendor) + ", " + WAIT_SECONDS + ")";
    if (!lockQuery(lock, sql, historyTable)) {
      throw new IllegalStateException(
          "another instance held the migration of "
              + historyTable
              + " for more than "
              + WAIT_SECONDS
              + " s");
    }
  }

  static void release(Connection lock, Vendor vendor, String historyTable) throws SQLException {
    lockQuery(
        lock,
        vendor == Vendor.POSTGRESQL
            ? "select pg_advisory_unlock(" + lockName(vendor) + "), 1"
            : "select release_lock(" + lockName(vendor) + ")",
        historyTable);
  }

  /**
   * The lock's name, from the schema and the history table bound to {@code ?}: an advisory lock's
   * number on PostgreSQL, a name within MariaDB's 64 characters.
   */
  private static String lockName(Vendor vendor) {
    return vendor == Vendor.POSTGRESQL
        ? "hashtext(current_schema() || '.' || ?)"
        : "concat('lethe.', md5(concat(database(), '.', ?)))";
  }

  /** Runs a lock function; true when it answered 1 (taken or released). */
  private static boolean lockQuery(Connection lock, String sql, String historyTable)
      throws SQLException {
    try (PreparedStatement statement = lock.prepareStatement(sql)) {
      statement.setString(1, historyTable);
      try (ResultSet answer = statement.executeQuery()) {
        return answer.next() && answer.getInt(answer.getMetaData().getColumnCount()) == 1;
      }
    }
  }
}
