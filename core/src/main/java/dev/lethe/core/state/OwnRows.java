package dev.lethe.core.state;

import dev.lethe.core.sql.Deadlocks;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Transactions that write only a run's own bookkeeping rows, and never wait for another run's. On
 * InnoDB at its default level (repeatable read) a statement locks every row it scans and the gaps
 * beside them: marking a span of a run's file ids locked the other runs' files between them, waited
 * for those being recorded by a transaction still open, and a completion deadlocked with another
 * run's page. At read committed InnoDB takes no gap locks and skips, without waiting, a row whose
 * last committed version does not match; these transactions read nothing they decide on, so the
 * lower level costs them nothing. PostgreSQL and H2 lock only the rows a statement changes. Either
 * way a transaction chosen as a deadlock victim runs again: it writes the same values again.
 */
final class OwnRows {

  private final DSLContext dsl;

  /** Whether transactions are made read committed; asked of the server once. */
  private volatile Boolean readCommitted;

  OwnRows(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Runs {@code work} in a transaction of its own, again if it is chosen as a deadlock victim. */
  void transaction(Consumer<DSLContext> work) {
    transactionResult(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /** {@link #transaction}, returning what the committed attempt returned. */
  <T> T transactionResult(Function<DSLContext, T> work) {
    boolean lower = readCommitted();
    return Deadlocks.transactionResult(
        dsl,
        tx -> {
          if (lower) {
            // before the transaction's first statement: it applies to the transaction to come
            tx.execute("set transaction isolation level read committed");
          }
          return work.apply(tx);
        });
  }

  /**
   * Deletes the keys of run {@code runId}'s files {@code ids}. On InnoDB by the primary key,
   * forced, one look-up an id: a delete, even read-committed, waits for any row another transaction
   * holds that its scan meets (it does not skip the rows that do not match, as an update does), and
   * a range of ids met another run's files being recorded among them, a scan of the run's index the
   * one just past its last file. By the primary key it meets the files' own rows only ({@code
   * FileSweeperTest}).
   */
  static Query deleteFiles(DSLContext tx, String runId, Condition ids) {
    return deleteFilesBy(tx, "PRIMARY", ids.and(StateTables.FILE_RUN.eq(runId)));
  }

  /**
   * Deletes the keys of run {@code runId}'s files, every one (no list of ids, unlike {@link
   * #deleteFiles(DSLContext, String, Condition)}). On InnoDB by the run's index, forced: a run's
   * few files in a small table were read by a scan of every row, which waited for the files another
   * run's page was recording; by the index it does not wait ({@code FileSweeperTest}). MariaDB
   * takes an index hint only in the multiple-table form.
   */
  static Query deleteFiles(DSLContext tx, String runId) {
    return deleteFilesBy(tx, "lethe_run_files_by_run", StateTables.FILE_RUN.eq(runId));
  }

  /** Deletes the files' rows {@code which} selects, on InnoDB by {@code index}, forced. */
  private static Query deleteFilesBy(DSLContext tx, String index, Condition which) {
    if (innoDb(tx)) {
      return tx.query(
          "delete {0} from {0} force index ({1}) where {2}",
          StateTables.FILES, DSL.name(index), which);
    }
    return tx.deleteFrom(StateTables.FILES).where(which);
  }

  private static boolean innoDb(DSLContext dsl) {
    SQLDialect family = dsl.dialect().family();
    return family == SQLDialect.MARIADB || family == SQLDialect.MYSQL;
  }

  /**
   * On InnoDB, unless the server logs statements to a statement-based binary log, which refuses
   * InnoDB writes made at read committed: there transactions keep the default level.
   */
  private boolean readCommitted() {
    Boolean known = readCommitted;
    if (known == null) {
      known =
          innoDb(dsl)
              && dsl.resultQuery(
                          "select case when @@log_bin = 0 or @@binlog_format <> 'STATEMENT'"
                              + " then 1 else 0 end")
                      .fetchOne(0, Integer.class)
                  == 1;
      readCommitted = known;
    }
    return known;
  }
}
