package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.sql.BatchSizer;
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
 *
 * <p>The pages are sized as the erasure's are ({@link BatchSizer}), towards the same transaction
 * length, starting from {@link #FIRST_PAGE}: a fixed page of 5,000 file keys held its transaction
 * for 476 ms on MariaDB, where 5,000 keys of updated rows take a few milliseconds on PostgreSQL.
 */
final class ForgottenRows {

  /** How many rows the first statement deletes. */
  static final int FIRST_PAGE = 1_000;

  /** The most rows one statement deletes. */
  private static final int MOST = 50_000;

  private final OwnRows own;
  private final Table<Record> table;
  private final Field<String> run;
  private final long targetMillis;

  private ForgottenRows(OwnRows own, Table<Record> table, Field<String> run, long targetMillis) {
    this.own = own;
    this.table = table;
    this.run = run;
    this.targetMillis = targetMillis;
  }

  /** The keys of the rows runs updated, forgotten in pages aiming at {@code targetMillis}. */
  static ForgottenRows updates(OwnRows own, long targetMillis) {
    return new ForgottenRows(own, UPDATED, UPD_RUN, targetMillis);
  }

  /** The keys of the files runs deleted, forgotten in pages aiming at {@code targetMillis}. */
  static ForgottenRows files(OwnRows own, long targetMillis) {
    return new ForgottenRows(own, FILES, FILE_RUN, targetMillis);
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
    BatchSizer sizer = new BatchSizer(FIRST_PAGE, MOST, targetMillis);
    for (int size = sizer.size(); ; size = sizer.size()) {
      long started = System.nanoTime();
      int deleted = page(which, size);
      if (deleted < size) {
        return;
      }
      sizer.observe(System.nanoTime() - started, deleted);
    }
  }

  /**
   * One page. jOOQ writes {@code DELETE … LIMIT} for MariaDB and emulates it elsewhere by row
   * address ({@code ctid} on PostgreSQL); on H2 its emulation ({@code _rowid_ IN (…)}) took seconds
   * a page, where H2's own {@code FETCH FIRST} clause takes milliseconds.
   */
  private int page(Condition which, int size) {
    // read committed on InnoDB: the delete locks only the completed runs' rows, not the gap
    // before the next run's, where that run's pages insert theirs
    return own.transactionResult(
        tx -> {
          if (tx.dialect().family() == SQLDialect.H2) {
            return tx.execute(
                "{0} {1} {2}",
                DSL.deleteFrom(table).where(which),
                DSL.keyword("fetch first"),
                DSL.sql(size + " rows only"));
          }
          return tx.deleteFrom(table).where(which).limit(size).execute();
        });
  }
}
