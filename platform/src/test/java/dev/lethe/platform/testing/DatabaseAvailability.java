package dev.lethe.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether database tests may run. With {@code CI=true} an unreachable PostgreSQL or MariaDB
 * fails the test; on a laptop without them the test is skipped with a message saying so.
 */
final class DatabaseAvailability {

  private static final Map<TestDatabase.Kind, Boolean> KNOWN =
      new EnumMap<>(TestDatabase.Kind.class);

  private DatabaseAvailability() {}

  static synchronized void assumeAvailable(TestDatabase.Kind kind) {
    if (kind == TestDatabase.Kind.H2) {
      return;
    }
    boolean reachable = KNOWN.computeIfAbsent(kind, DatabaseAvailability::probe);
    if (reachable) {
      return;
    }
    String message =
        kind + " is not reachable at " + kind.adminUrl() + " (start it, or see .ci/run)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true and " + message);
    }
    Assumptions.abort("skipped: " + message);
  }

  private static boolean probe(TestDatabase.Kind kind) {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(kind.adminUrl(), kind.user(), "")) {
      return c.isValid(3);
    } catch (SQLException e) {
      return false;
    }
  }
}
