package dev.lethe.core.state;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;

/**
 * Writes to a run's own bookkeeping rows that never wait for another run's. On InnoDB at its
 * default level (repeatable read) a statement locks every row it scans and the gaps beside them:
 * marking a span of a run's file ids locked the other runs' files between them, waited for those
 * being recorded by a transaction still open, and two runs completing at once deadlocked. At read
 * committed InnoDB takes no gap locks and skips, without waiting, a row whose last committed
 * version does not match; these statements read nothing, so the lower level costs them nothing.
 * PostgreSQL and H2 lock only the rows a statement changes.
 */
final class OwnRows {

  private OwnRows() {}

  private static boolean innoDb(DSLContext tx) {
    SQLDialect family = tx.dialect().family();
    return family == SQLDialect.MARIADB || family == SQLDialect.MYSQL;
  }

  /**
   * Makes the transaction {@code tx} is about to start read committed on InnoDB; to be called
   * before its first statement.
   */
  static void readCommitted(DSLContext tx) {
    if (innoDb(tx)) {
      tx.execute("set transaction isolation level read committed");
    }
  }

  /**
   * The run's files, scanned by their primary key on InnoDB: a read-committed scan skips other
   * runs' rows only on the clustered index, while a range on the run's secondary index waits for
   * whichever row follows it.
   */
  static Table<?> filesByPrimaryKey(DSLContext tx) {
    return innoDb(tx) ? StateTables.FILES.forceIndex("PRIMARY") : StateTables.FILES;
  }
}
