package dev.lethe.platform.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * A private, empty database for one test: a fresh schema on PostgreSQL, a fresh database on
 * MariaDB, a fresh in-memory database on H2. Closing it drops everything it created.
 */
public final class TestDatabase implements AutoCloseable {

  private final Kind kind;
  private final String name;
  private final String url;
  private final HikariDataSource dataSource;

  private TestDatabase(Kind kind, String name, String url) {
    this.kind = kind;
    this.name = name;
    this.url = url;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(kind.user);
    config.setPassword("");
    config.setMaximumPoolSize(8);
    config.setPoolName("test-" + name);
    this.dataSource = new HikariDataSource(config);
  }

  /** Creates a fresh database of the given kind; skips the test if the server is unreachable. */
  public static TestDatabase create(Kind kind) {
    DatabaseAvailability.assumeAvailable(kind);
    String name = "lethe_t_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    try {
      switch (kind) {
        case POSTGRESQL -> admin(kind, "CREATE SCHEMA " + name);
        case MARIADB -> admin(kind, "CREATE DATABASE " + name);
        case H2 -> {}
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new TestDatabase(kind, name, kind.urlFor(name));
  }

  private static void admin(Kind kind, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(kind.adminUrl(), kind.user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  public Kind kind() {
    return kind;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code statements} in order, each in auto-commit. */
  public void execute(String... statements) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** The single number {@code sql} (a {@code SELECT COUNT(*)} or the like) answers. */
  public long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Waits, thirty seconds at most, until a session of the server runs a statement whose start
   * matches the {@code LIKE} pattern {@code pattern} and waits for a row lock (on H2, until any
   * session waits for one): the moment a test may let the lock go, or close a cycle of locks.
   */
  public void awaitLockWait(String pattern) throws SQLException, InterruptedException {
    String waiting =
        switch (kind) {
          case POSTGRESQL ->
              "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                  + " AND query LIKE ?";
          case MARIADB ->
              "SELECT count(*) FROM information_schema.processlist WHERE state = 'Updating'"
                  + " AND info LIKE ?";
          case H2 ->
              "SELECT count(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
        };
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(waiting)) {
      if (kind != Kind.H2) {
        s.setString(1, pattern + "%");
      }
      for (int i = 0; i < 600; i++) {
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    }
  }

  /** The JDBC URL of this database (no credentials needed on the test machines). */
  public String url() {
    return url;
  }

  public String user() {
    return kind.user;
  }

  @Override
  public void close() {
    dataSource.close();
    try {
      switch (kind) {
        case POSTGRESQL -> admin(kind, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        case MARIADB -> admin(kind, "DROP DATABASE IF EXISTS " + name);
        case H2 -> shutDownInMemory();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name, e);
    }
  }

  /** Frees the in-memory database, which DB_CLOSE_DELAY=-1 would otherwise keep until exit. */
  private void shutDownInMemory() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, kind.user, "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** The database products the tests run on. */
  public enum Kind {
    H2("sa"),
    POSTGRESQL("postgres"),
    MARIADB("root");

    private final String user;

    Kind(String user) {
      this.user = user;
    }

    String user() {
      return user;
    }

    String adminUrl() {
      return switch (this) {
        case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test";
        case MARIADB -> "jdbc:mariadb://127.0.0.1:3306/test";
        case H2 -> "jdbc:h2:mem:admin";
      };
    }

    String urlFor(String name) {
      return switch (this) {
        case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name;
        case MARIADB -> "jdbc:mariadb://127.0.0.1:3306/" + name;
        case H2 -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
      };
    }
  }
}
