package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.ChainTemplates;
import dev.lethe.core.sql.Together;
import dev.lethe.core.state.BatchRecords;
import dev.lethe.core.state.RunCreation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * together ({@link Together}): one round trip instead of one per statement. On PostgreSQL a delete
 * that records its rows' files itself returns its counts as a row among the others' counts;
 * elsewhere, where the statements go as a JDBC batch, which cannot carry a row, such a delete would
 * go alone between two batches. Then the deleted counts and the batch number, in a last round trip.
 */
final class PageStatements {

  private enum Kind {
    FILES,
    DELETE,
    DELETE_RECORDING_FILES,
    RECORDED,
    OTHER
  }

  private record Step(Query query, Kind kind, String entity, Outcome outcome) {
    Step(Query query, Kind kind, String entity) {
      this(query, kind, entity, null);
    }

    /** What the step's result counts, kept with a page's template. */
    Step withoutQuery() {
      return new Step(null, kind, entity, outcome);
    }
  }

  private final DSLContext tx;
  private final String runId;
  private final RowWriter writer;
  private final List<Step> steps = new ArrayList<>();
  private final CallTally counted = new CallTally();
  private final RecordedFiles recorded = new RecordedFiles();
  private final ChainTemplates templates;

  PageStatements(DSLContext tx, String runId, RowWriter writer, ChainTemplates templates) {
    this.tx = tx;
    this.templates = templates;
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
    if (tx.dialect().family() == SQLDialect.POSTGRES && !entity.entity().files().isEmpty()) {
      steps.add(
          new Step(
              deleteRecordingFiles(entity, where), Kind.DELETE_RECORDING_FILES, entity.name()));
      return;
    }
    recordFiles(entity, where);
    steps.add(new Step(tx.deleteFrom(entity.table()).where(where), Kind.DELETE, entity.name()));
  }

  /**
   * {@code WITH d AS (DELETE … RETURNING the file columns), f AS (INSERT INTO lethe_run_files
   * SELECT … FROM d RETURNING id, file_key) SELECT (SELECT count(*) FROM d), a.* FROM (<the ids and
   * keys recorded, as two arrays>) a}: one row, the rows deleted and the files recorded, for the
   * sweeper to delete without reading them back (one more than {@value RecordedFiles#HANDED} at
   * most: that many are taken as not returned).
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
    return tx.resultQuery(
        "with {0} as ({1}), {2} as ({3}) {4}",
        DSL.name("d"),
        tx.deleteFrom(entity.table()).where(where).returningResult(returned),
        inserted,
        BatchRecords.recordFilesReturning(tx, keys),
        DSL.select(DSL.field(DSL.selectCount().from(deleted))).select(files.fields()).from(files));
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
    int[] counts = new int[steps.size()];
    if (Together.returnsRows(tx) && steps.size() > 1) {
      runAsOne(counts);
    } else {
      runInBatches(counts);
    }
    finish(steps, counts);
  }

  /**
   * Adds the statements that store the run while {@code start} is pending, then {@code content} for
   * {@code keys} (one list of keys for each page it adds), and runs the page's statements, as
   * {@link #execute()} does. On PostgreSQL a page named by {@code shape} (null: none) is sent as
   * its shape's chain, rendered once (in the templates it was made with), with this page's run id,
   * keys and run to store bound. The shape names everything the content adds but the run id and the
   * keys.
   */
  void execute(Object shape, RunStart start, List<List<Object>> keys, Content content) {
    if (shape == null
        || !ChainTemplates.applies(tx)
        || !executeTemplated(shape, start, keys, content)) {
      first(start.statements(tx));
      content.addTo(this, keys);
      execute();
    }
  }

  /** Runs the page as its shape's template; false, having done nothing, if there is none. */
  private boolean executeTemplated(
      Object shape, RunStart start, List<List<Object>> keys, Content content) {
    Optional<RunCreation> creation = start.creation();
    List<Object> sources = new ArrayList<>();
    sources.add(runId);
    sources.addAll(keys);
    creation.ifPresent(c -> sources.addAll(c.values()));
    int pages = keys.size();
    Function<List<?>, ChainTemplates.Built<List<Step>>> build =
        values -> {
          PageStatements page =
              new PageStatements(tx, (String) values.getFirst(), writer, templates);
          creation.ifPresent(
              c -> page.first(c.build(tx, values.subList(1 + pages, values.size()))));
          @SuppressWarnings("unchecked") // the key lists given as sources, or their stand-ins
          List<List<Object>> keyLists = (List<List<Object>>) values.subList(1, 1 + pages);
          content.addTo(page, keyLists);
          return new ChainTemplates.Built<>(
              page.steps.stream().map(Step::query).toList(),
              page.steps.stream().map(Step::withoutQuery).toList());
        };
    var template =
        templates.template(
            tx, List.of("page", shape, creation.map(RunCreation::shape)), sources, build);
    if (template.isEmpty()) {
      return false;
    }
    List<Step> ran = template.get().meta();
    List<ChainTemplates.Result> results = ChainTemplates.run(tx, template.get(), sources, build);
    int[] counts = new int[ran.size()];
    for (int i = 0; i < ran.size(); i++) {
      Step step = ran.get(i);
      ChainTemplates.Result result = results.get(i);
      counts[i] =
          step.kind() == Kind.DELETE_RECORDING_FILES
              ? recordingDeleteRow(step, result.value(0), result.value(1), result.value(2))
              : result.rows();
    }
    finish(ran, counts);
    return true;
  }

  /** What a page adds for its lists of keys. */
  @FunctionalInterface
  interface Content {
    void addTo(PageStatements page, List<List<Object>> keys);
  }

  /** Counts what {@code ran} did ({@code counts}, in order) and ends the batch. */
  private void finish(List<Step> ran, int[] counts) {
    Map<String, Long> deleted = new LinkedHashMap<>();
    for (int i = 0; i < ran.size(); i++) {
      Step step = ran.get(i);
      switch (step.kind()) {
        // recorded by an insert of the rows selected, which returns no keys
        case FILES -> recorded.notReturned(counts[i]);
        case DELETE, DELETE_RECORDING_FILES ->
            deleted.merge(step.entity(), (long) Math.max(0, counts[i]), Long::sum);
        case RECORDED -> counted.recorded(step.entity(), step.outcome(), Math.max(0, counts[i]));
        case OTHER -> {}
      }
    }
    BatchRecords.finishBatch(tx, runId, deleted, templates);
    deleted.forEach((entity, n) -> counted.count(entity, Outcome.DELETED, n));
  }

  /**
   * PostgreSQL: the steps together, in one round trip ({@link Together}); each one's count, or the
   * row of a delete that returns its counts, in order.
   */
  private void runAsOne(int[] counts) {
    List<ResultOrRows> each = Together.results(tx, steps.stream().map(Step::query).toList());
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      counts[i] =
          step.kind() == Kind.DELETE_RECORDING_FILES
              ? recordingDeleteRow(step, each.get(i).result().get(0))
              : each.get(i).rows();
    }
  }

  /**
   * Elsewhere: the steps as JDBC batches. A delete that returns its counts (a row, which a batch
   * cannot carry) goes alone, the steps before it as one batch, the rest as another.
   */
  private void runInBatches(int[] counts) {
    int batched = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step.kind() == Kind.DELETE_RECORDING_FILES) {
        run(batched, i, counts);
        counts[i] = recordingDeleteRow(step, ((ResultQuery<?>) step.query()).fetchSingle());
        batched = i + 1;
      }
    }
    run(batched, steps.size(), counts);
  }

  /**
   * Takes the row of a delete that recorded its rows' files ({@link #deleteRecordingFiles}): keeps
   * the files it recorded, returns the rows it deleted.
   */
  private int recordingDeleteRow(Step step, Record row) {
    return recordingDeleteRow(
        step, row.get(0), row.get(1, Long[].class), row.get(2, String[].class));
  }

  private int recordingDeleteRow(Step step, Object deleted, Object ids, Object keys) {
    recorded.returned(step.entity(), (Long[]) ids, (String[]) keys);
    return ((Number) deleted).intValue();
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
