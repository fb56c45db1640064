package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.sql.BoundEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertValuesStep4;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The statements by which a page's transaction keeps the file keys of the rows it deletes: recorded
 * in {@code lethe_run_files} before the rows go, recorded by the delete itself, or returned by the
 * delete and held (a page that completes its run), so that they commit (or roll back) with the
 * rows.
 */
public final class FileRecords {

  private FileRecords() {}

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

  /**
   * Records the file keys {@code fileKey} holds in the rows of {@code from} that {@code where}
   * selects, the rows about to go, inside the caller's transaction: a statement to run in a batch
   * with others.
   */
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
  private static InsertOnDuplicateStep<Record> recordFilesSelected(
      DSLContext tx, Select<? extends Record4<String, String, String, Integer>> rows) {
    return insertFiles(tx).select(rows);
  }

  /**
   * {@code INSERT INTO lethe_run_files (run, entity, key, attempts)}: the columns every recorded
   * file is written with, its id generated, its deletion not yet marked.
   */
  static InsertValuesStep4<Record, String, String, String, Integer> insertFiles(DSLContext tx) {
    return tx.insertInto(FILES, FILE_RUN, FILE_ENTITY, FILE_KEY, FILE_ATTEMPTS);
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
}
