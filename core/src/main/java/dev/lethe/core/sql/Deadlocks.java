package dev.lethe.core.sql;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Runs a transaction again when the database chose it as a deadlock victim or failed it for
 * serialization (SQL state class 40): concurrent runs on InnoDB take gap locks on the shared
 * bookkeeping tables and can deadlock each other. Only for work that is safe to run again: a batch
 * that selects its rows anew, a completion or a marking that writes the same values again.
 */
public final class Deadlocks {

  private static final int ATTEMPTS = 5;

  private Deadlocks() {}

  public static void transaction(DSLContext dsl, Consumer<DSLContext> work) {
    transactionResult(
        dsl,
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /** {@link #transaction}, returning what the last, committed, attempt returned. */
  public static <T> T transactionResult(DSLContext dsl, Function<DSLContext, T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return dsl.transactionResult(c -> work.apply(c.dsl()));
      } catch (DataAccessException e) {
        if (attempt >= ATTEMPTS || e.sqlStateClass() != SQLStateClass.C40_TRANSACTION_ROLLBACK) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** A short, growing, jittered wait, so the two sides of a deadlock do not meet again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(10L * attempt + ThreadLocalRandom.current().nextLong(20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a batch", e);
    }
  }
}
