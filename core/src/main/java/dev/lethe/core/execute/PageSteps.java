package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.ScopeCounter;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.CountReads;
import dev.lethe.core.state.BatchRecords;
import dev.lethe.core.state.FileRecords;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The statements of one page's transaction, in order (file keys recorded before their rows go,
 * updated keys recorded before their rows change, children before parents), each with what its
 * result counts; {@link PageStatements} sends them.
 */
final class PageSteps {

  enum Kind {
    FILES,
    DELETE,
    DELETE_RECORDING_FILES,
    /** A delete that returns its rows' file keys without recording them ({@link #completesRun}). */
    DELETE_HOLDING_FILES,
    RECORDED,
    /** A tree's counts, its row read by the run's closing ({@link Closing#recount}). */
    RECOUNT,
    OTHER
  }

  record Step(
      Query query, Kind kind, String entity, Outcome outcome, List<ScopeCounter.Counted> counted) {
    Step(Query query, Kind kind, String entity, Outcome outcome) {
      this(query, kind, entity, outcome, null);
    }

    Step(Query query, Kind kind, String entity) {
      this(query, kind, entity, null);
    }

    /** What the step's result counts, kept with a page's template. */
    Step withoutQuery() {
      return new Step(null, kind, entity, outcome, counted);
    }
  }

  private final DSLContext tx;
  private final String runId;
  private final RowWriter writer;
  private final List<Step> steps = new ArrayList<>();

  /** Whether the page completes its run ({@link #completesRun}). */
  private boolean completesRun;

  PageSteps(DSLContext tx, String runId, RowWriter writer) {
    this.tx = tx;
    this.runId = runId;
    this.writer = writer;
  }

  /**
   * PostgreSQL: the planner settings of a page that completes its run, to the end of its
   * transaction. Generic plans: the server plans the first five executions of a prepared statement
   * for their values, then keeps a plan for any values only if its estimated cost is no higher, and
   * for an array of keys it guesses more elements than such a page's few (a contact's two or three
   * conversations), so it planned every statement again at each bind, half a millisecond of the 2.5
   * ms a contact took (the recount 165 µs, the attachments' delete 134 µs); each statement of the
   * page finds its rows by an index whatever their number. And no compiling to machine code, for
   * the recount ({@link CountReads}).
   */
  static final String SMALL_PAGE_SETTINGS =
      "select set_config('plan_cache_mode', 'force_generic_plan', true),"
          + " set_config('jit', 'off', true)";

  /**
   * For a page that deletes its files from the store and completes its run in its own transaction
   * ({@link OnlyPage}), on PostgreSQL: leads its statements with {@link #SMALL_PAGE_SETTINGS}, and
   * the deletes added from now on return their rows' file keys instead of recording them (at most
   * {@value OnlyPage#FILES_IN_TRANSACTION} and one of them, with their number).
   */
  void completesRun() {
    if (completesRun) {
      return;
    }
    completesRun = true;
    if (hasSettings()) {
      steps.addFirst(new Step(tx.resultQuery(SMALL_PAGE_SETTINGS), Kind.OTHER, null));
    }
  }

  /** Whether {@link #SMALL_PAGE_SETTINGS} lead the page's statements. */
  private boolean hasSettings() {
    return completesRun && tx.dialect().family() == SQLDialect.POSTGRES;
  }

  /** Runs {@code queries} first, before every statement added so far or later but the settings. */
  void first(List<Query> queries) {
    steps.addAll(
        hasSettings() ? 1 : 0, queries.stream().map(q -> new Step(q, Kind.OTHER, null)).toList());
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
      if (completesRun) {
        steps.add(
            new Step(
                FileRecords.deleteHoldingFiles(
                    tx, entity, where, OnlyPage.FILES_IN_TRANSACTION + 1),
                Kind.DELETE_HOLDING_FILES,
                entity.name()));
        return;
      }
      steps.add(
          new Step(
              FileRecords.deleteRecordingFiles(tx, runId, entity, where, RecordedFiles.HANDED + 1),
              Kind.DELETE_RECORDING_FILES,
              entity.name()));
      return;
    }
    recordFiles(entity, where);
    steps.add(new Step(tx.deleteFrom(entity.table()).where(where), Kind.DELETE, entity.name()));
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
              FileRecords.recordFilesQuery(
                  tx, runId, entity.name(), entity.table(), entity.text(column), where),
              Kind.FILES,
              entity.name()));
    }
  }

  /**
   * Counts what is left below the page's roots ({@code count}), after every statement added so far:
   * on PostgreSQL, whose planner would compile a large count to machine code, with that turned off
   * for the rest of the transaction (by the page's settings, else before the count), as {@link
   * CountReads} does.
   */
  void recount(ScopeCounter.TreeCount count) {
    if (!hasSettings()) {
      steps.add(new Step(tx.resultQuery(CountReads.NO_JIT), Kind.OTHER, null));
    }
    steps.add(new Step(count.query(), Kind.RECOUNT, null, null, count.counted()));
  }

  /** The statements added, in order. */
  List<Step> list() {
    return steps;
  }
}
