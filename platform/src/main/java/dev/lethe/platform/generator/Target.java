package dev.lethe.platform.generator;

import dev.lethe.platform.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The database being filled, and the fastest way to load each. */
enum Target {
  POSTGRESQL,
  MARIADB,
  H2;

  static Target of(Connection connection) throws SQLException {
    return valueOf(Dialect.of(connection).name());
  }

  /**
   * Prepares a connection for loading. On PostgreSQL, when the user may, foreign-key triggers are
   * skipped for this session ({@code session_replication_role = replica}): the generated rows are
   * consistent by construction, and checking them row by row costs more than writing them.
   */
  void prepare(Connection connection) throws SQLException {
    if (this != POSTGRESQL) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET session_replication_role = replica");
    } catch (SQLException notPermitted) {
      // not a superuser: keep the checks, loading is slower but correct
    }
  }

  /** Undoes {@link #prepare} before the connection goes back to its pool. */
  void release(Connection connection) throws SQLException {
    if (this != POSTGRESQL) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("RESET session_replication_role");
    }
  }

  RowSink open(
      Connection connection,
      String table,
      String[] columns,
      long expected,
      PlatformGenerator.Progress progress)
      throws SQLException {
    return switch (this) {
      case POSTGRESQL -> new CopySink(connection, table, columns, expected, progress);
      case MARIADB, H2 -> new InsertSink(connection, this, table, columns, expected, progress);
    };
  }

  /** A JDBC parameter for a value: MariaDB DATETIME holds UTC wall time, H2 keeps the offset. */
  Object bindable(Object value) {
    if (value instanceof Instant instant) {
      return this == MARIADB
          ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
          : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    return value;
  }

  /** Moves the table's id generator past the explicit ids just inserted. */
  void restartIdentity(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      long next;
      try (ResultSet max =
          statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
        max.next();
        next = max.getLong(1);
      }
      switch (this) {
        case POSTGRESQL ->
            statement.execute(
                "SELECT setval(pg_get_serial_sequence('"
                    + table
                    + "', 'id'), "
                    + next
                    + ", false)");
        case MARIADB -> statement.execute("ALTER TABLE " + table + " AUTO_INCREMENT = " + next);
        case H2 ->
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
      }
    }
    connection.commit();
  }
}
