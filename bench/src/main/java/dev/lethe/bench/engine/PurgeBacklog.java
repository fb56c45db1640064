package dev.lethe.bench.engine;

import dev.lethe.core.schema.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * InnoDB's purge backlog. A {@code DELETE} on InnoDB only marks its rows; once its transaction has
 * committed and no reader needs the old versions, InnoDB's purge threads remove them from the
 * table's indexes, and only then are the rows' bytes gone from its pages. A contestant that commits
 * as it goes has its rows purged while it runs, on the same processors and disk; one that deletes
 * everything in one transaction leaves all the purging for after its commit, outside its timed run.
 * The backlog's length is InnoDB's history list: the committed transactions whose undo logs are not
 * purged yet ({@code trx_rseg_history_len} in {@code information_schema.innodb_metrics}, counted by
 * default).
 */
final class PurgeBacklog {

  private static final String LENGTH =
      "SELECT count FROM information_schema.innodb_metrics WHERE name = 'trx_rseg_history_len'";

  private static final long POLL_MILLIS = 50;

  private final DataSource dataSource;
  private final Duration limit;
  private boolean stuck;

  private PurgeBacklog(DataSource dataSource, Duration limit) {
    this.dataSource = dataSource;
    this.limit = limit;
  }

  /**
   * The backlog of the database behind {@code dataSource}, waited for at most {@code limit} at a
   * time; empty where there is none to read (not MariaDB or MySQL, or the metric not readable).
   */
  static Optional<PurgeBacklog> of(DataSource dataSource, Vendor vendor, Duration limit)
      throws SQLException {
    if (vendor != Vendor.MARIADB && vendor != Vendor.MYSQL) {
      return Optional.empty();
    }
    PurgeBacklog backlog = new PurgeBacklog(dataSource, limit);
    try {
      backlog.length();
    } catch (SQLException | IllegalStateException unreadable) {
      return Optional.empty();
    }
    return Optional.of(backlog);
  }

  /** The transactions whose deleted rows are not purged yet, all over the server. */
  long length() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(LENGTH)) {
      if (!row.next()) {
        throw new IllegalStateException("InnoDB reports no history list length");
      }
      return row.getLong(1);
    }
  }

  /**
   * Waits until everything committed so far is purged (the history list empty) and returns how long
   * that took, in milliseconds; -1 if it was not purged within the limit, after which it is not
   * waited for again (something else on the server holds the history: an open transaction's
   * snapshot).
   */
  long awaitPurged() throws SQLException, InterruptedException {
    if (stuck) {
      return -1;
    }
    long started = System.nanoTime();
    long deadline = started + limit.toNanos();
    while (length() > 0) {
      if (System.nanoTime() > deadline) {
        stuck = true;
        return -1;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return (System.nanoTime() - started) / 1_000_000;
  }
}
