package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.ChainTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What a batch writes into Lethe's tables inside its own transaction, so that the checkpoint, the
 * counts, the file keys and the keys of updated rows commit (or roll back) with the batch.
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

  /**
   * {@code WITH d AS (DELETE … RETURNING the file columns), f AS (INSERT INTO lethe_run_files
   * SELECT … FROM d RETURNING id, file_key) SELECT (SELECT count(*) FROM d), a.* FROM (<the ids and
   * keys recorded, as two arrays>) a}: one row, the rows deleted and the files recorded, for the
   * sweeper to delete without reading them back, {@code limit} at most: the deletion of the rows of
   * {@code entity} that {@code where} selects, for run {@code runId}, on PostgreSQL.
   */
  public static ResultQuery<Record> deleteRecordingFiles(
      DSLContext tx, String runId, BoundEntity entity, Condition where, int limit) {
    Table<Record> deleted = DSL.table(DSL.name("d"));
    List<Field<?>> returned = new ArrayList<>();
    Select<Record4<String, String, String, Integer>> keys =
        deletedKeys(
            entity,
            returned,
            key -> fileRows(runId, entity.name(), deleted, key, DSL.noCondition()));
    Name inserted = DSL.name("f");
    Table<?> files = recordedFiles(inserted, limit).asTable("a");
    return tx.resultQuery(
        "with {0} as ({1}), {2} as ({3}) {4}",
        DSL.name("d"),
        tx.deleteFrom(entity.table()).where(where).returningResult(returned),
        inserted,
        recordFilesReturning(tx, keys),
        DSL.select(DSL.field(DSL.selectCount().from(deleted))).select(files.fields()).from(files));
  }

  /**
   * PostgreSQL: {@code WITH d AS (DELETE … RETURNING the file columns), h AS (the non-null keys)
   * SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM h), ARRAY(SELECT … FROM h LIMIT …)}: one
   * row, the rows deleted, how many file keys they held and up to {@code limit} of those keys, none
   * of them recorded. For a page that deletes its run's files from the store in its own transaction
   * and completes the run there, after which the keys would only be forgotten; a page that does not
   * complete its run records the keys before it commits ({@link FileQueue#record}).
   */
  public static ResultQuery<Record> deleteHoldingFiles(
      DSLContext tx, BoundEntity entity, Condition where, int limit) {
    Table<Record> deleted = DSL.table(DSL.name("d"));
    List<Field<?>> returned = new ArrayList<>();
    Select<Record1<String>> keys =
        deletedKeys(
            entity, returned, key -> DSL.select(key.as("v")).from(deleted).where(key.isNotNull()));
    Table<Record> held = DSL.table(DSL.name("h"));
    Field<String> key = DSL.field(DSL.name("h", "v"), SQLDataType.VARCHAR);
    return tx.resultQuery(
        "with {0} as ({1}), {2} as ({3}) {4}",
        DSL.name("d"),
        tx.deleteFrom(entity.table()).where(where).returningResult(returned),
        DSL.name("h"),
        keys,
        DSL.select(
            DSL.field(DSL.selectCount().from(deleted)),
            DSL.field(DSL.selectCount().from(held)),
            DSL.array(DSL.select(key).from(held).limit(limit))));
  }

  /**
   * For a {@code DELETE} named {@code d} in a {@code WITH} clause: adds to {@code returned} the
   * file columns of {@code entity} as text, {@code k0}, {@code k1}…, and returns the union of the
   * rows {@code rows} makes of each of them ({@code d.k0}, …).
   */
  private static <R extends Record> Select<R> deletedKeys(
      BoundEntity entity, List<Field<?>> returned, Function<Field<String>, Select<R>> rows) {
    List<String> columns = entity.entity().files();
    Select<R> keys = null;
    for (int i = 0; i < columns.size(); i++) {
      String alias = "k" + i;
      returned.add(entity.text(columns.get(i)).as(alias));
      Select<R> each = rows.apply(DSL.field(DSL.name("d", alias), SQLDataType.VARCHAR));
      keys = keys == null ? each : keys.unionAll(each);
    }
    return keys;
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
      // one multi-row upsert, not one per entity: a page of a tree deletes from a dozen tables
      var insert =
          tx.insertInto(COUNTS, Q_COUNT_RUN, Q_COUNT_ENTITY, Q_COUNT_OUTCOME, Q_COUNT_ROWS);
      for (int i = 0; i < entities.size(); i++) {
        insert =
            insert.values(runId, entities.get(i), Outcome.DELETED.code(), (Long) values.get(i + 1));
      }
      queries.add(
          insert
              .onConflict(Q_COUNT_RUN, Q_COUNT_ENTITY, Q_COUNT_OUTCOME)
              .doUpdate()
              .set(Q_COUNT_ROWS, Q_COUNT_ROWS.plus(DSL.excluded(Q_COUNT_ROWS))));
    }
    queries.add(tx.update(RUNS).set(RUN_BATCHES, RUN_BATCHES.plus(1)).where(RUN_ID.eq(runId)));
    return queries;
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

  /** Records the file keys of the rows about to go, inside the caller's transaction. */
  public static int recordFiles(
      DSLContext tx,
      String runId,
      String entity,
      Table<?> from,
      Field<String> fileKey,
      Condition where) {
    return recordFilesQuery(tx, runId, entity, from, fileKey, where).execute();
  }

  /** The statement of {@link #recordFiles}, to run in a batch with others. */
  public static Query recordFilesQuery(
      DSLContext tx,
      String runId,
      String entity,
      Table<?> from,
      Field<String> fileKey,
      Condition where) {
    return recordFilesSelected(tx, fileRows(runId, entity, from, fileKey, where));
  }

  /**
   * The rows of the file keys {@code fileKey} holds in the rows of {@code from} that {@code where}
   * selects, as {@link #recordFilesSelected} inserts them (run, entity, key, attempts).
   */
  private static Select<Record4<String, String, String, Integer>> fileRows(
      String runId, String entity, Table<?> from, Field<String> fileKey, Condition where) {
    return DSL.select(DSL.val(runId), DSL.val(entity), fileKey, DSL.val(0))
        .from(from)
        .where(where)
        .and(fileKey.isNotNull());
  }

  /**
   * Records the file keys {@code rows} gives (run, entity, key, attempts), inside the caller's
   * transaction: the keys of rows a statement deletes, taken from what it returned.
   */
  public static InsertOnDuplicateStep<Record> recordFilesSelected(
      DSLContext tx, Select<? extends Record4<String, String, String, Integer>> rows) {
    return tx.insertInto(FILES, FILE_RUN, FILE_ENTITY, FILE_KEY, FILE_ATTEMPTS).select(rows);
  }

  /**
   * PostgreSQL, in a {@code WITH} clause: records the file keys {@code rows} gives, as {@link
   * #recordFilesSelected} does, returning the id and key of each file recorded, read by {@link
   * #recordedFiles}.
   */
  private static Query recordFilesReturning(
      DSLContext tx, Select<? extends Record4<String, String, String, Integer>> rows) {
    return recordFilesSelected(tx, rows).returning(FILE_ID, FILE_KEY);
  }

  /**
   * PostgreSQL: the files {@link #recordFilesReturning}, named {@code recorded} in a {@code WITH}
   * clause, recorded, as one row of two arrays, in the same order: their ids and their keys (null
   * if none; at most {@code limit} of them). One pass over them, no sort.
   */
  private static Select<Record2<Long[], String[]>> recordedFiles(Name recorded, int limit) {
    Field<Long> id = DSL.field(recorded.append(FILE_ID.getUnqualifiedName()), Long.class);
    Field<String> key = DSL.field(recorded.append(FILE_KEY.getUnqualifiedName()), String.class);
    Table<?> first = DSL.select(id.as("i"), key.as("v")).from(recorded).limit(limit).asTable("r");
    return DSL.select(
            DSL.arrayAgg(DSL.field(DSL.name("r", "i"), Long.class)).as("ids"),
            DSL.arrayAgg(DSL.field(DSL.name("r", "v"), String.class)).as("keys"))
        .from(first);
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
