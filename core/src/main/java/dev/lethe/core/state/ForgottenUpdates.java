package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Deletes the keys completed runs recorded of the rows they updated, a page per statement, each
 * committed on its own: a run that detached or anonymized a hundred thousand rows held its
 * completion's transaction for 300 ms deleting them in one statement. The receipt counted them
 * before the run completed. Deleting them again is harmless, so a page chosen as a deadlock victim
 * runs again.
 */
final class ForgottenUpdates {

  /** How many recorded keys one statement deletes. */
  static final int PAGE = 5_000;

  private final OwnRows own;

  ForgottenUpdates(OwnRows own) {
    this.own = own;
  }

  /** The keys a completed run recorded. */
  void run(String id) {
    forget(UPD_RUN.eq(id));
  }

  /** What every completed run left recorded. */
  void completedRuns() {
    forget(
        UPD_RUN.in(DSL.select(RUN_ID).from(RUNS).where(RUN_STATUS.eq(RunStatus.COMPLETED.code()))));
  }

  private void forget(Condition which) {
    while (page(which) >= PAGE) {
      // another page
    }
  }

  /**
   * One page. jOOQ writes {@code DELETE … LIMIT} for MariaDB and emulates it elsewhere by row
   * address ({@code ctid} on PostgreSQL); on H2 its emulation ({@code _rowid_ IN (…)}) took seconds
   * a page, where H2's own {@code FETCH FIRST} clause takes milliseconds.
   */
  private int page(Condition which) {
    // read committed on InnoDB: the delete locks only the completed runs' rows, not the gap
    // before the next run's, where that run's pages insert theirs
    return own.transactionResult(
        tx -> {
          if (tx.dialect().family() == SQLDialect.H2) {
            return tx.execute(
                "{0} {1} {2}",
                DSL.deleteFrom(UPDATED).where(which),
                DSL.keyword("fetch first"),
                DSL.sql(PAGE + " rows only"));
          }
          return tx.deleteFrom(UPDATED).where(which).limit(PAGE).execute();
        });
  }
}
