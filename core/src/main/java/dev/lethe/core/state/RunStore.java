package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.schema.Migrations;
import dev.lethe.core.schema.Vendor;
import dev.lethe.core.sql.Together;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Lethe's own tables: runs, their root keys, per-entity counts, the files to delete and the keys of
 * anonymized rows. Batches write their checkpoint through a transaction-bound {@link DSLContext},
 * so the checkpoint commits with the batch.
 */
public final class RunStore {

  private final DSLContext dsl;
  private final OwnRows own;
  private final RunCompletion completion;

  /**
   * @param targetMillis the transaction length its own paged deletes aim at, as the erasure's pages
   *     do
   */
  public RunStore(DSLContext dsl, long targetMillis) {
    this.dsl = dsl;
    this.own = new OwnRows(dsl);
    this.completion = new RunCompletion(own, targetMillis);
  }

  /** How runs are completed, and their recorded keys forgotten. */
  public RunCompletion completion() {
    return completion;
  }

  /** The run's queue of files to delete from the store. */
  public FileQueue files() {
    return new FileQueue(dsl, own);
  }

  /** Creates or upgrades Lethe's tables in the database. */
  public static void migrate(DataSource dataSource, Vendor vendor) {
    Migrations.migrate(dataSource, vendor, "lethe_schema_history", "lethe/state");
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  public void create(RunRecord run) {
    create(run, List.of());
  }

  /**
   * Creates the run with its root keys ({@code roots.get(i)}: the keys of root {@code i}) in one
   * transaction and one round trip: a run is never stored without the roots it is to delete.
   */
  public void create(RunRecord run, List<List<String>> roots) {
    if (roots.stream().allMatch(List::isEmpty)) {
      RunCreation.queries(dsl, run, roots).getFirst().execute();
    } else {
      dsl.transaction(c -> Together.execute(c.dsl(), RunCreation.queries(c.dsl(), run, roots)));
    }
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

  /**
   * Records why a run stopped; the run can be resumed. A completed run stays completed: its
   * completion may have committed although the commit reported an error.
   */
  public void fail(String id, String error) {
    dsl.update(RUNS)
        .set(RUN_STATUS, RunStatus.FAILED.code())
        .set(RUN_ERROR, error)
        .set(RUN_VERSION, RUN_VERSION.plus(1))
        .where(RUN_ID.eq(id))
        .and(RUN_STATUS.ne(RunStatus.COMPLETED.code()))
        .execute();
  }

  public void saveRoots(String runId, int rootIndex, List<String> keys) {
    RunCreation.rootInserts(dsl, runId, rootIndex, keys).forEach(Query::execute);
  }

  public List<String> roots(String runId, int rootIndex) {
    return dsl.select(ROOT_KEY)
        .from(ROOTS)
        .where(ROOT_RUN.eq(runId))
        .and(ROOT_INDEX.eq(rootIndex))
        .orderBy(ROOT_KEY)
        .fetch(ROOT_KEY);
  }

  /** The counts, deleted files and updated outcomes of a finished run, in one statement. */
  public RunTallies tallies(String runId) {
    return RunTallies.read(dsl, runId);
  }

  public Map<String, Map<Outcome, Long>> counts(String runId) {
    Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
    dsl.select(COUNT_ENTITY, COUNT_OUTCOME, COUNT_ROWS)
        .from(COUNTS)
        .where(COUNT_RUN.eq(runId))
        .and(COUNT_OUTCOME.ne(FILES_DELETED))
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

  /**
   * The keys run {@code runId} recorded of the rows of {@code entity} it gave {@code outcome}, in
   * keyset order after {@code after} (null: from the first), at most {@code limit}, as {@code db}
   * sees them: a transaction sees those it recorded itself.
   */
  public static List<String> updatedKeys(
      DSLContext db, String runId, String entity, Outcome outcome, String after, int limit) {
    return db.select(UPD_KEY)
        .from(UPDATED)
        .where(UPD_RUN.eq(runId))
        .and(UPD_ENTITY.eq(entity))
        .and(UPD_OUTCOME.eq(outcome.code()))
        .and(after == null ? DSL.noCondition() : UPD_KEY.gt(after))
        .orderBy(UPD_KEY)
        .limit(limit)
        .fetch(UPD_KEY);
  }
}
