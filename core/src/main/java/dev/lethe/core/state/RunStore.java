package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.schema.Vendor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Lethe's own tables: runs, their root keys, per-entity counts, the files to delete and the keys of
 * anonymized rows. Batches write their checkpoint through a transaction-bound {@link DSLContext},
 * so the checkpoint commits with the batch.
 */
public final class RunStore {

  private final DSLContext dsl;

  public RunStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Creates or upgrades Lethe's tables in the database. */
  public static void migrate(DataSource dataSource, Vendor vendor) {
    Flyway.configure()
        .dataSource(dataSource)
        .table("lethe_schema_history")
        .locations("classpath:lethe/state/" + vendor.migrationFolder())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  public void create(RunRecord run) {
    dsl.insertInto(RUNS)
        .set(RUN_ID, run.id())
        .set(RUN_KIND, run.kind())
        .set(RUN_SCOPE, run.scope())
        .set(RUN_WORKSPACE, run.workspace().orElse(null))
        .set(RUN_STATUS, run.status().code())
        .set(RUN_MAP_NAME, run.dataMapName())
        .set(RUN_MAP_FINGERPRINT, run.dataMapFingerprint())
        .set(RUN_SUBJECT_SEALED, run.subjectSealed().orElse(null))
        .set(RUN_SUBJECT_HASHES, run.subjectHashes())
        .set(RUN_PARAMS, run.params())
        .set(RUN_BATCHES, 0L)
        .set(RUN_VERSION, 0L)
        .set(RUN_CREATED, utc(run.createdAt()))
        .execute();
  }

  public Optional<RunRecord> find(String id) {
    return dsl.select(
            RUN_ID,
            RUN_KIND,
            RUN_SCOPE,
            RUN_WORKSPACE,
            RUN_STATUS,
            RUN_MAP_NAME,
            RUN_MAP_FINGERPRINT,
            RUN_SUBJECT_SEALED,
            RUN_SUBJECT_HASHES,
            RUN_PARAMS,
            RUN_BATCHES,
            RUN_VERSION,
            RUN_CREATED,
            RUN_STARTED,
            RUN_FINISHED,
            RUN_RECEIPT,
            RUN_ERROR)
        .from(RUNS)
        .where(RUN_ID.eq(id))
        .fetchOptional()
        .map(RunStore::toRun);
  }

  private static RunRecord toRun(Record r) {
    return new RunRecord(
        r.get(RUN_ID),
        r.get(RUN_KIND),
        r.get(RUN_SCOPE),
        Optional.ofNullable(r.get(RUN_WORKSPACE)),
        RunStatus.of(r.get(RUN_STATUS)),
        r.get(RUN_MAP_NAME),
        r.get(RUN_MAP_FINGERPRINT),
        Optional.ofNullable(r.get(RUN_SUBJECT_SEALED)),
        r.get(RUN_SUBJECT_HASHES),
        r.get(RUN_PARAMS),
        r.get(RUN_BATCHES),
        r.get(RUN_VERSION),
        instant(r.get(RUN_CREATED)),
        Optional.ofNullable(instant(r.get(RUN_STARTED))),
        Optional.ofNullable(instant(r.get(RUN_FINISHED))),
        Optional.ofNullable(r.get(RUN_RECEIPT)),
        Optional.ofNullable(r.get(RUN_ERROR)));
  }

  /**
   * Moves the run to {@code status} if it is still at {@code version}; false when another process
   * moved it first.
   */
  public boolean transition(String id, long version, RunStatus status, Instant now) {
    var update = dsl.update(RUNS).set(RUN_STATUS, status.code()).set(RUN_VERSION, version + 1);
    if (status == RunStatus.RUNNING) {
      update = update.set(RUN_STARTED, DSL.coalesce(RUN_STARTED, DSL.val(utc(now))));
    }
    return update.where(RUN_ID.eq(id)).and(RUN_VERSION.eq(version)).execute() == 1;
  }

  /** Completes the run: stores the receipt and forgets the sealed identities. */
  public void complete(String id, String receipt, Instant now) {
    dsl.transaction(
        c -> {
          DSLContext tx = c.dsl();
          tx.update(RUNS)
              .set(RUN_STATUS, RunStatus.COMPLETED.code())
              .set(RUN_RECEIPT, receipt)
              .set(RUN_SUBJECT_SEALED, (String) null)
              .set(RUN_FINISHED, utc(now))
              .set(RUN_ERROR, (String) null)
              .set(RUN_VERSION, RUN_VERSION.plus(1))
              .where(RUN_ID.eq(id))
              .execute();
          tx.deleteFrom(UPDATED).where(UPD_RUN.eq(id)).execute();
          tx.deleteFrom(ROOTS).where(ROOT_RUN.eq(id)).execute();
        });
  }

  /** Records why a run stopped; the run can be resumed. */
  public void fail(String id, String error) {
    dsl.update(RUNS)
        .set(RUN_STATUS, RunStatus.FAILED.code())
        .set(RUN_ERROR, error)
        .set(RUN_VERSION, RUN_VERSION.plus(1))
        .where(RUN_ID.eq(id))
        .execute();
  }

  public void saveRoots(String runId, int rootIndex, List<String> keys) {
    for (int from = 0; from < keys.size(); from += 500) {
      var insert = dsl.insertInto(ROOTS, ROOT_RUN, ROOT_INDEX, ROOT_KEY);
      for (String key : keys.subList(from, Math.min(keys.size(), from + 500))) {
        insert = insert.values(runId, rootIndex, key);
      }
      insert.execute();
    }
  }

  public List<String> roots(String runId, int rootIndex) {
    return dsl.select(ROOT_KEY)
        .from(ROOTS)
        .where(ROOT_RUN.eq(runId))
        .and(ROOT_INDEX.eq(rootIndex))
        .orderBy(ROOT_KEY)
        .fetch(ROOT_KEY);
  }

  public void initCounts(String runId, Map<String, ? extends Iterable<Outcome>> outcomes) {
    var insert = dsl.insertInto(COUNTS, COUNT_RUN, COUNT_ENTITY, COUNT_OUTCOME, COUNT_ROWS);
    boolean any = false;
    for (var entry : outcomes.entrySet()) {
      for (Outcome outcome : entry.getValue()) {
        insert = insert.values(runId, entry.getKey(), outcome.code(), 0L);
        any = true;
      }
    }
    if (any) {
      insert.execute();
    }
  }

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

  /** Counts one more batch inside the caller's transaction. */
  public static void countBatch(DSLContext tx, String runId) {
    tx.update(RUNS).set(RUN_BATCHES, RUN_BATCHES.plus(1)).where(RUN_ID.eq(runId)).execute();
  }

  public Map<String, Map<Outcome, Long>> counts(String runId) {
    Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
    dsl.select(COUNT_ENTITY, COUNT_OUTCOME, COUNT_ROWS)
        .from(COUNTS)
        .where(COUNT_RUN.eq(runId))
        .orderBy(COUNT_ENTITY, COUNT_OUTCOME)
        .forEach(
            r ->
                counts
                    .computeIfAbsent(r.value1(), e -> new EnumMap<>(Outcome.class))
                    .put(
                        Outcome.valueOf(r.value2().toUpperCase(java.util.Locale.ROOT)),
                        r.value3()));
    return counts;
  }

  /** Records the file keys of the rows about to go, inside the caller's transaction. */
  public static int recordFiles(
      DSLContext tx,
      String runId,
      String entity,
      Table<?> from,
      Field<String> fileKey,
      Condition where) {
    return tx.insertInto(FILES, FILE_RUN, FILE_ENTITY, FILE_KEY, FILE_ATTEMPTS)
        .select(
            DSL.select(DSL.val(runId), DSL.val(entity), fileKey, DSL.val(0))
                .from(from)
                .where(where)
                .and(fileKey.isNotNull()))
        .execute();
  }

  /**
   * Records, inside the caller's transaction, the keys of rows about to be detached, anonymized or
   * retained. A row reached along several relations is recorded once per outcome; the receipt
   * counts the recorded rows that still exist when the run ends, so rows deleted later in the run
   * are not counted twice.
   */
  public static void recordUpdated(
      DSLContext tx,
      String runId,
      String entity,
      Outcome outcome,
      Table<?> from,
      Field<?> key,
      Condition where) {
    Field<String> text = key.cast(SQLDataType.VARCHAR(255));
    tx.insertInto(UPDATED, UPD_RUN, UPD_ENTITY, UPD_OUTCOME, UPD_KEY)
        .select(
            DSL.select(DSL.val(runId), DSL.val(entity), DSL.val(outcome.code()), text)
                .from(from)
                .where(where)
                .andNotExists(
                    DSL.selectOne()
                        .from(UPDATED)
                        .where(
                            UPD_RUN.eq(runId),
                            UPD_ENTITY.eq(entity),
                            UPD_OUTCOME.eq(outcome.code()),
                            UPD_KEY.eq(text))))
        .execute();
  }

  /**
   * Recorded keys of one entity and outcome after {@code after} (keyset order), at most {@code
   * limit}.
   */
  public List<String> updatedKeys(
      String runId, String entity, Outcome outcome, String after, int limit) {
    return dsl.select(UPD_KEY)
        .from(UPDATED)
        .where(UPD_RUN.eq(runId))
        .and(UPD_ENTITY.eq(entity))
        .and(UPD_OUTCOME.eq(outcome.code()))
        .and(after == null ? DSL.noCondition() : UPD_KEY.gt(after))
        .orderBy(UPD_KEY)
        .limit(limit)
        .fetch(UPD_KEY);
  }

  /** A file whose row is gone and which is not yet confirmed deleted from the store. */
  public record PendingFile(long id, String entity, String key, int attempts) {}

  public List<PendingFile> pendingFiles(String runId, int limit) {
    List<PendingFile> files = new ArrayList<>();
    dsl.select(FILE_ID, FILE_ENTITY, FILE_KEY, FILE_ATTEMPTS)
        .from(FILES)
        .where(FILE_RUN.eq(runId))
        .and(FILE_DELETED.isNull())
        .orderBy(FILE_ID)
        .limit(limit)
        .forEach(r -> files.add(new PendingFile(r.value1(), r.value2(), r.value3(), r.value4())));
    return files;
  }

  public void fileDeleted(long id, Instant now) {
    dsl.update(FILES)
        .set(FILE_DELETED, utc(now))
        .set(FILE_ATTEMPTS, FILE_ATTEMPTS.plus(1))
        .where(FILE_ID.eq(id))
        .execute();
  }

  public void fileFailed(long id, String error) {
    dsl.update(FILES)
        .set(FILE_ATTEMPTS, FILE_ATTEMPTS.plus(1))
        .set(FILE_ERROR, error.length() > 250 ? error.substring(0, 250) : error)
        .where(FILE_ID.eq(id))
        .execute();
  }

  public Map<String, Long> deletedFiles(String runId) {
    Map<String, Long> files = new LinkedHashMap<>();
    dsl.select(FILE_ENTITY, DSL.count())
        .from(FILES)
        .where(FILE_RUN.eq(runId))
        .and(FILE_DELETED.isNotNull())
        .groupBy(FILE_ENTITY)
        .forEach(r -> files.put(r.value1(), r.value2().longValue()));
    return files;
  }

  public Optional<String> setting(String name) {
    return dsl.select(SETTING_VALUE)
        .from(SETTINGS)
        .where(SETTING_NAME.eq(name))
        .fetchOptional(SETTING_VALUE);
  }

  public void putSetting(String name, String value) {
    dsl.insertInto(SETTINGS, SETTING_NAME, SETTING_VALUE).values(name, value).execute();
  }
}
