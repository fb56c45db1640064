package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Deletes what completed runs recorded only for as long as they ran, a page per statement, each
 * committed on its own: the keys of the rows they updated (a run that detached or anonymized a
 * hundred thousand rows held its completion's transaction for 300 ms deleting them in one
 * statement) and the keys of the files they deleted from the store, which may name the subject. The
 * receipt counted both before the run completed. Deleting them again is harmless, so a page chosen
 * as a deadlock victim runs again.
 */
final class ForgottenRows {

  /** How many rows one statement deletes. */
  static final int PAGE = 5_000;

  private final OwnRows own;
  private final Table<Record> table;
  private final Field<String> run;

  private ForgottenRows(OwnRows own, Table<Record> table, Field<String> run) {
    this.own = own;
    this.table = table;
    this.run = run;
  }

  /** The keys of the rows runs updated. */
  static ForgottenRows updates(OwnRows own) {
    return new ForgottenRows(own, UPDATED, UPD_RUN);
  }

  /** The keys of the files runs deleted. */
  static ForgottenRows files(OwnRows own) {
    return new ForgottenRows(own, FILES, FILE_RUN);
  }

  /** What a completed run recorded. */
  void run(String id) {
    forget(run.eq(id));
  }

  /** What every completed run left recorded. */
  void completedRuns() {
    forget(run.in(DSL.select(RUN_ID).from(RUNS).where(RUN_STATUS.eq(RunStatus.COMPLETED.code()))));
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
                DSL.deleteFrom(table).where(which),
                DSL.keyword("fetch first"),
                DSL.sql(PAGE + " rows only"));
          }
          return tx.deleteFrom(table).where(which).limit(PAGE).execute();
        });
  }
}
