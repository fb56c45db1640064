package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.ChainTemplates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What a batch writes into Lethe's tables inside its own transaction, so that the checkpoint, the
 * counts and the keys of updated rows commit (or roll back) with the batch; the file keys of the
 * rows it deletes are {@link FileRecords}'.
 */
public final class BatchRecords {

  private BatchRecords() {}

  /** Adds to a count inside the caller's transaction. */
  public static void addCount(DSLContext tx, String runId, String entity, Outcome outcome, long n) {
    if (n == 0) {
      return;
    }
    int updated =
        tx.update(COUNTS)
            .set(COUNT_ROWS, COUNT_ROWS.plus(n))
            .where(COUNT_RUN.eq(runId))
            .and(COUNT_ENTITY.eq(entity))
            .and(COUNT_OUTCOME.eq(outcome.code()))
            .execute();
    if (updated == 0) {
      tx.insertInto(COUNTS, COUNT_RUN, COUNT_ENTITY, COUNT_OUTCOME, COUNT_ROWS)
          .values(runId, entity, outcome.code(), n)
          .execute();
    }
  }

  /**
   * Ends a batch inside the caller's transaction: adds the rows it deleted per entity to the run's
   * counts (one upsert of a row per entity) and counts one more batch, all in one round trip; on
   * PostgreSQL from the template of the batch's entities in {@code templates}, bound with its run
   * id and counts.
   */
  public static void finishBatch(
      DSLContext tx, String runId, Map<String, Long> deleted, ChainTemplates templates) {
    List<String> entities = counted(deleted);
    List<Object> sources = new ArrayList<>();
    sources.add(runId);
    entities.forEach(entity -> sources.add(deleted.get(entity)));
    List<Object> shape = new ArrayList<>(entities.size() + 1);
    shape.add("batch");
    shape.addAll(entities);
    templates.execute(
        tx,
        shape,
        sources,
        values ->
            new ChainTemplates.Built<>(
                finishQueries(tx, (String) values.getFirst(), entities, values), "batch"));
  }

  /** The entities a batch deleted rows of ({@code deleted}: its rows per entity), in order. */
  static List<String> counted(Map<String, Long> deleted) {
    return deleted.entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The statements of a batch's end: the counts of {@code entities}, {@code values} after the run
   * id, then one more batch.
   */
  static List<Query> finishQueries(
      DSLContext tx, String runId, List<String> entities, List<?> values) {
    List<Query> queries = new ArrayList<>();
    if (!entities.isEmpty()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int i = 0; i < entities.size(); i++) {
        counts.put(entities.get(i), (Long) values.get(i + 1));
      }
      queries.add(addCountsQuery(tx, runId, Outcome.DELETED.code(), counts));
    }
    queries.add(tx.update(RUNS).set(RUN_BATCHES, RUN_BATCHES.plus(1)).where(RUN_ID.eq(runId)));
    return queries;
  }

  /**
   * Adds {@code counts}, rows per entity, to the run's counts of {@code outcome} inside the
   * caller's transaction: one multi-row upsert, not one per entity (a page of a tree deletes from a
   * dozen tables).
   */
  static Query addCountsQuery(
      DSLContext tx, String runId, String outcome, Map<String, Long> counts) {
    var insert = tx.insertInto(COUNTS, Q_COUNT_RUN, Q_COUNT_ENTITY, Q_COUNT_OUTCOME, Q_COUNT_ROWS);
    for (Map.Entry<String, Long> count : counts.entrySet()) {
      insert = insert.values(runId, count.getKey(), outcome, count.getValue());
    }
    return insert
        .onConflict(Q_COUNT_RUN, Q_COUNT_ENTITY, Q_COUNT_OUTCOME)
        .doUpdate()
        .set(Q_COUNT_ROWS, Q_COUNT_ROWS.plus(DSL.excluded(Q_COUNT_ROWS)));
  }

  // Qualified: an upsert names the table's columns next to the proposed row's (H2 emulates it with
  // MERGE … USING, PostgreSQL's ON CONFLICT has EXCLUDED), where bare names are ambiguous.
  private static final Field<String> Q_COUNT_RUN =
      DSL.field(DSL.name("lethe_run_counts", "run_id"), SQLDataType.VARCHAR);
  private static final Field<String> Q_COUNT_ENTITY =
      DSL.field(DSL.name("lethe_run_counts", "entity"), SQLDataType.VARCHAR);
  private static final Field<String> Q_COUNT_OUTCOME =
      DSL.field(DSL.name("lethe_run_counts", "outcome"), SQLDataType.VARCHAR);
  private static final Field<Long> Q_COUNT_ROWS =
      DSL.field(DSL.name("lethe_run_counts", "row_count"), SQLDataType.BIGINT);

  /** Counts one more batch inside the caller's transaction. */
  public static void countBatch(DSLContext tx, String runId) {
    tx.update(RUNS).set(RUN_BATCHES, RUN_BATCHES.plus(1)).where(RUN_ID.eq(runId)).execute();
  }

  /**
   * Records, inside the caller's transaction, the keys of rows about to be detached, anonymized or
   * retained. A row reached along several relations is recorded once per outcome; the receipt
   * counts the recorded rows that still exist when the run ends, so rows deleted later in the run
   * are not counted twice. Returns how many keys it recorded.
   */
  public static int recordUpdated(
      DSLContext tx,
      String runId,
      String entity,
      Outcome outcome,
      Table<?> from,
      Field<?> key,
      Condition where) {
    return recordUpdatedQuery(tx, runId, entity, outcome, from, key, where).execute();
  }

  /** The statement of {@link #recordUpdated}, to run in a batch with others. */
  public static Query recordUpdatedQuery(
      DSLContext tx,
      String runId,
      String entity,
      Outcome outcome,
      Table<?> from,
      Field<?> key,
      Condition where) {
    Field<String> text = key.cast(SQLDataType.VARCHAR(255));
    var insert = tx.insertInto(UPDATED, UPD_RUN, UPD_ENTITY, UPD_OUTCOME, UPD_KEY);
    var rows =
        DSL.select(DSL.val(runId), DSL.val(entity), DSL.val(outcome.code()), text).from(from);
    if (tx.dialect().family() == SQLDialect.POSTGRES) {
      // The key is the table's primary key. PostgreSQL's anti-join against the run's recorded rows,
      // planned with statistics taken while the table was nearly empty, compared every row of a
      // page with every row recorded so far: 200 ms a page once a run had recorded 60,000.
      return insert.select(rows.where(where)).onConflictDoNothing();
    }
    return insert.select(
        rows.where(where)
            .andNotExists(
                DSL.selectOne()
                    .from(UPDATED)
                    .where(
                        UPD_RUN.eq(runId),
                        UPD_ENTITY.eq(entity),
                        UPD_OUTCOME.eq(outcome.code()),
                        UPD_KEY.eq(text))));
  }
}
