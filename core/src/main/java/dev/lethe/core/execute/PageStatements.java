package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.Together;
import dev.lethe.core.state.BatchRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record4;
import org.jooq.ResultOrRows;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The statements of one page's transaction, in order (file keys recorded before their rows go,
 * updated keys recorded before their rows change, children before parents), sent to the database
 * together ({@link Together}): one round trip instead of one per statement. On PostgreSQL each
 * delete adds how many rows it deleted to the run's counts itself and returns that number as a row
 * ({@link BatchRecords#deleteCounted}), a delete that records its rows' files returns them in its
 * row too, and the batch is counted by the page's last statement: the whole page is one round trip.
 * Elsewhere the statements go as a JDBC batch, which cannot carry a row; then the deleted counts
 * and the batch number, in a last round trip.
 */
final class PageStatements {

  private enum Kind {
    FILES,
    DELETE,
    /** A delete that adds its count to the run's counts and returns it as a row (PostgreSQL). */
    DELETE_COUNTED,
    /** A delete that records its rows' files and returns its count with them (PostgreSQL). */
    DELETE_RECORDING_FILES,
    RECORDED,
    OTHER
  }

  private record Step(Query query, Kind kind, String entity, Outcome outcome) {
    Step(Query query, Kind kind, String entity) {
      this(query, kind, entity, null);
    }
  }

  private final DSLContext tx;
  private final String runId;
  private final RowWriter writer;
  private final List<Step> steps = new ArrayList<>();
  private final CallTally counted = new CallTally();
  private final RecordedFiles recorded = new RecordedFiles();

  PageStatements(DSLContext tx, String runId, RowWriter writer) {
    this.tx = tx;
    this.runId = runId;
    this.writer = writer;
  }

  /** Runs {@code queries} first, before every statement added so far or later. */
  void first(List<Query> queries) {
    steps.addAll(0, queries.stream().map(q -> new Step(q, Kind.OTHER, null)).toList());
  }

  /** Detaches, anonymizes or retains the rows {@code where} selects, recording their keys first. */
  void update(Node.Edge edge, Condition where) {
    BoundEntity child = edge.child();
    steps.add(
        new Step(
            BatchRecords.recordUpdatedQuery(
                tx,
                runId,
                child.name(),
                Outcome.of(edge.action()),
                child.table(),
                child.key(),
                where),
            Kind.RECORDED,
            child.name(),
            Outcome.of(edge.action())));
    steps.add(new Step(writer.applyQuery(tx, child, edge.relation(), where), Kind.OTHER, null));
  }

  /**
   * Deletes the rows {@code where} selects, recording their file keys first. On PostgreSQL a table
   * with files is deleted from in one statement that records the keys of the rows it deleted (a
   * {@code DELETE … RETURNING} feeding the insert of the file keys): recording them first took a
   * second statement finding the same rows, each page of conversations looking up its messages'
   * attachments twice, more than the attachments' delete itself.
   */
  void delete(BoundEntity entity, Condition where) {
    if (Together.returnsRows(tx)) {
      steps.add(
          entity.entity().files().isEmpty()
              ? new Step(
                  BatchRecords.deleteCounted(
                      tx,
                      runId,
                      entity.name(),
                      tx.deleteFrom(entity.table()).where(where).returningResult(DSL.inline(1))),
                  Kind.DELETE_COUNTED,
                  entity.name())
              : new Step(
                  deleteRecordingFiles(entity, where), Kind.DELETE_RECORDING_FILES, entity.name()));
      return;
    }
    recordFiles(entity, where);
    steps.add(new Step(tx.deleteFrom(entity.table()).where(where), Kind.DELETE, entity.name()));
  }

  /**
   * {@code WITH d AS (DELETE … RETURNING the file columns), f AS (INSERT INTO lethe_run_files
   * SELECT … FROM d RETURNING id, file_key), n AS (SELECT count(*) AS c FROM d), u AS (<c added to
   * the run's counts>) SELECT (SELECT c FROM n), a.* FROM (<the ids and keys recorded, as two
   * arrays>) a}: one row, the rows deleted and the files recorded, for the sweeper to delete
   * without reading them back (one more than {@value RecordedFiles#HANDED} at most: that many are
   * taken as not returned).
   */
  private ResultQuery<Record> deleteRecordingFiles(BoundEntity entity, Condition where) {
    List<String> columns = entity.entity().files();
    Table<Record> deleted = DSL.table(DSL.name("d"));
    List<Field<?>> returned = new ArrayList<>();
    Select<Record4<String, String, String, Integer>> keys = null;
    for (int i = 0; i < columns.size(); i++) {
      String alias = "k" + i;
      returned.add(entity.text(columns.get(i)).as(alias));
      Field<String> key = DSL.field(DSL.name("d", alias), SQLDataType.VARCHAR);
      var rows = BatchRecords.fileRows(runId, entity.name(), deleted, key, DSL.noCondition());
      keys = keys == null ? rows : keys.unionAll(rows);
    }
    Name inserted = DSL.name("f");
    Table<?> files = BatchRecords.recordedFiles(inserted, RecordedFiles.HANDED + 1).asTable("a");
    Name count = DSL.name("n");
    Field<Long> c = DSL.field(DSL.name("c"), SQLDataType.BIGINT);
    return tx.resultQuery(
        "with {0} as ({1}), {2} as ({3}), {4} as (select count(*) as {5} from {0}), {6} as ({7})"
            + " {8}",
        DSL.name("d"),
        tx.deleteFrom(entity.table()).where(where).returningResult(returned),
        inserted,
        BatchRecords.recordFilesReturning(tx, keys),
        count,
        c,
        DSL.name("u"),
        BatchRecords.addDeleted(runId, entity.name(), c, count),
        DSL.select(DSL.field(DSL.select(c).from(count))).select(files.fields()).from(files));
  }

  /**
   * Deletes the rows of {@code child} whose reference {@code ref} points at a row of {@code parent}
   * that {@code parentRows} selects, recording their file keys first. MariaDB 10.11 runs a {@code
   * DELETE} whose condition is an {@code IN} subquery by testing every row of the table against it
   * (it has no semi-joins for single-table deletes): a page of one conversation took a second at a
   * million messages. There, unless holds are in force (whose conditions may name the table again),
   * the delete joins the parent instead.
   */
  void deleteBelow(
      BoundEntity child,
      Field<Object> ref,
      BoundEntity parent,
      Condition parentRows,
      Condition own,
      boolean holds) {
    Condition where =
        among(ref, DSL.select(parent.key()).from(parent.table()).where(parentRows)).and(own);
    SQLDialect family = tx.dialect().family();
    if (holds || (family != SQLDialect.MARIADB && family != SQLDialect.MYSQL)) {
      delete(child, where);
      return;
    }
    recordFiles(child, where);
    steps.add(
        new Step(
            tx.deleteFrom(child.table())
                .using(parent.table())
                .where(ref.eq(parent.key()))
                .and(parentRows)
                .and(own),
            Kind.DELETE,
            child.name()));
  }

  /**
   * {@code ref} among the keys {@code keys} selects. On PostgreSQL as {@code ref = any(array(…))}:
   * the keys are found first, once, and each is then looked up by {@code ref}'s index. With {@code
   * IN (…)} the planner, which overestimates how many keys a page's subquery gives, joined them to
   * the whole table: at the largest benchmark size each page of conversations read all 500,000
   * attachments twice (to record their files and to delete them), 280 ms of a page, against 7 ms by
   * index.
   */
  Condition among(Field<Object> ref, Select<? extends Record1<Object>> keys) {
    return tx.dialect().family() == SQLDialect.POSTGRES
        ? ref.eq(DSL.any(DSL.array(keys)))
        : ref.in(keys);
  }

  private void recordFiles(BoundEntity entity, Condition where) {
    for (String column : entity.entity().files()) {
      steps.add(
          new Step(
              BatchRecords.recordFilesQuery(
                  tx, runId, entity.name(), entity.table(), entity.text(column), where),
              Kind.FILES,
              entity.name()));
    }
  }

  /**
   * Runs the page's statements and ends the batch. The files they recorded are then in {@link
   * #recorded}, what they counted in {@link #counted}.
   */
  void execute() {
    Map<String, Long> deleted = new LinkedHashMap<>();
    boolean asOne = Together.returnsRows(tx);
    if (asOne) {
      // the deletes add to the counts themselves
      steps.add(new Step(BatchRecords.countBatchQuery(tx, runId), Kind.OTHER, null));
    }
    int[] counts = new int[steps.size()];
    if (asOne) {
      runAsOne(counts);
    } else {
      runInBatches(counts);
    }
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      switch (step.kind()) {
        // recorded by an insert of the rows selected, which returns no keys
        case FILES -> recorded.notReturned(counts[i]);
        case DELETE, DELETE_COUNTED, DELETE_RECORDING_FILES ->
            deleted.merge(step.entity(), (long) Math.max(0, counts[i]), Long::sum);
        case RECORDED -> counted.recorded(step.entity(), step.outcome(), Math.max(0, counts[i]));
        case OTHER -> {}
      }
    }
    if (!asOne) {
      BatchRecords.finishBatch(tx, runId, deleted);
    }
    deleted.forEach((entity, n) -> counted.count(entity, Outcome.DELETED, n));
  }

  /**
   * PostgreSQL: the steps together, in one round trip ({@link Together}); each one's count, or the
   * row of a delete that returns its count, in order.
   */
  private void runAsOne(int[] counts) {
    List<ResultOrRows> each = Together.results(tx, steps.stream().map(Step::query).toList());
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      counts[i] =
          switch (step.kind()) {
            case DELETE_RECORDING_FILES -> recordingDeleteRow(step, each.get(i).result().get(0));
            case DELETE_COUNTED -> each.get(i).result().get(0).get(0, Integer.class);
            default -> each.get(i).rows();
          };
    }
  }

  /**
   * Elsewhere: the steps as one JDBC batch, which cannot carry a row: there no delete returns one.
   */
  private void runInBatches(int[] counts) {
    run(0, steps.size(), counts);
  }

  /**
   * Takes the row of a delete that recorded its rows' files ({@link #deleteRecordingFiles}): keeps
   * the files it recorded, returns the rows it deleted.
   */
  private int recordingDeleteRow(Step step, Record row) {
    recorded.returned(step.entity(), row.get(1, Long[].class), row.get(2, String[].class));
    return row.get(0, Integer.class);
  }

  /**
   * Runs steps {@code from} to {@code to} (exclusive) as one batch, their counts into {@code
   * counts}.
   */
  private void run(int from, int to, int[] counts) {
    if (to - from == 1) {
      counts[from] = steps.get(from).query().execute();
    } else if (to - from > 1) {
      int[] batch =
          Together.execute(tx, steps.subList(from, to).stream().map(Step::query).toList());
      System.arraycopy(batch, 0, counts, from, batch.length);
    }
  }

  /** The files the page, executed, recorded. */
  RecordedFiles recorded() {
    return recorded;
  }

  /** What the page counted when it ran: to add to the call's tally once it has committed. */
  CallTally counted() {
    return counted;
  }
}
