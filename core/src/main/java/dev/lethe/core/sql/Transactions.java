package dev.lethe.core.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A transaction on one connection, begun, committed or rolled back, and nothing else. jOOQ's own
 * transactions ask the connection for its isolation level every time they begin, which the
 * PostgreSQL driver answers with a query: a round trip per transaction, for the engine's batches
 * one in every few. Not nestable; for the engine's top-level batches only.
 */
public final class Transactions {

  private Transactions() {}

  /** Runs {@code work} in one transaction and returns its result. */
  public static <T> T result(DSLContext dsl, Function<DSLContext, T> work) {
    return dsl.connectionResult(
        connection -> {
          boolean autoCommit = connection.getAutoCommit();
          connection.setAutoCommit(false);
          try {
            T result = work.apply(DSL.using(connection, dsl.dialect(), dsl.settings()));
            commit(connection);
            return result;
          } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
          } finally {
            connection.setAutoCommit(autoCommit);
          }
        });
  }

  /** Runs {@code work} in one transaction. */
  public static void run(DSLContext dsl, Consumer<DSLContext> work) {
    result(
        dsl,
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  private static void commit(Connection connection) {
    try {
      connection.commit();
    } catch (SQLException e) {
      // as jOOQ reports it, so that callers can tell a serialization failure by its SQL state
      throw new DataAccessException("commit failed: " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
