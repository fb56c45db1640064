package dev.lethe.core.execute;

import dev.lethe.core.datamap.Anonymization;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.plan.RootSet;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.Deadlocks;
import dev.lethe.core.sql.KeyList;
import dev.lethe.core.sql.Together;
import dev.lethe.core.state.BatchRecords;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Rewrites rows in place instead of deleting them, in short transactions: the roots of a scope that
 * keeps its root rows anonymized, and the rows a retention rule anonymizes. Held rows are left as
 * they are.
 */
final class Anonymizer {

  private final DSLContext dsl;
  private final RowWriter writer;
  private final KeyPages pages;

  Anonymizer(DSLContext dsl, RowWriter writer, KeyPages pages) {
    this.dsl = dsl;
    this.writer = writer;
    this.pages = pages;
  }

  /**
   * Rewrites {@code set} in the rows {@code rows} selects, in keyed pages paced by {@code pace}.
   */
  void where(
      String runId,
      BoundEntity entity,
      Map<String, Anonymization> set,
      Condition rows,
      HeldRows held,
      Pace pace) {
    Condition where = rows.and(held.notHeld(entity));
    pages.forEach(
        KeyPages.Rows.of(entity, where),
        pages.fresh(),
        !pace.paced(),
        keys -> {
          pace.before();
          long started = System.nanoTime();
          Deadlocks.transaction(
              dsl,
              tx -> {
                int n = writer.anonymize(tx, entity, set, KeyList.among(entity.key(), keys));
                BatchRecords.addCount(tx, runId, entity.name(), Outcome.ANONYMIZED, n);
                BatchRecords.countBatch(tx, runId);
              });
          long took = System.nanoTime() - started;
          pace.after(took, keys.size());
          return took;
        });
  }

  /**
   * Rewrites the root rows {@code keys} of {@code root} in one transaction, recording their keys,
   * and stores the run with it if it is pending.
   */
  void roots(Run run, RootSet root, List<Object> keys) {
    BoundEntity entity = root.tree().entity();
    Condition where = KeyList.among(entity.key(), keys).and(run.selector().held().notHeld(entity));
    int recorded =
        Deadlocks.transactionResult(
            dsl,
            tx -> {
              List<Query> start = run.start().statements(tx);
              Together.execute(tx, start);
              int n =
                  BatchRecords.recordUpdated(
                      tx,
                      run.id(),
                      entity.name(),
                      Outcome.ANONYMIZED,
                      entity.table(),
                      entity.key(),
                      where);
              writer.anonymize(tx, entity, root.root().set(), where);
              BatchRecords.countBatch(tx, run.id());
              return n;
            });
    run.start().committed();
    run.tally().recorded(entity.name(), Outcome.ANONYMIZED, recorded);
  }
}
