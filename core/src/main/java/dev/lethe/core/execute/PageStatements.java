package dev.lethe.core.execute;

import dev.lethe.core.execute.PageSteps.Kind;
import dev.lethe.core.execute.PageSteps.Step;
import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.ScopeCounter;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.ChainTemplates;
import dev.lethe.core.sql.Together;
import dev.lethe.core.state.BatchRecords;
import dev.lethe.core.state.FileRecords;
import dev.lethe.core.state.RunCreation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultOrRows;
import org.jooq.ResultQuery;

/**
 * Sends the statements of one page's transaction ({@link PageSteps}) to the database together
 * ({@link Together}): one round trip instead of one per statement. On PostgreSQL a delete that
 * records its rows' files itself returns its counts as a row among the others' counts; elsewhere,
 * where the statements go as a JDBC batch, which cannot carry a row, such a delete would go alone
 * between two batches. Then the deleted counts and the batch number, in a last round trip.
 */
final class PageStatements {

  private final DSLContext tx;
  private final String runId;
  private final RowWriter writer;
  private final PageSteps steps;
  private final CallTally counted = new CallTally();
  private final RecordedFiles recorded = new RecordedFiles();
  private final ChainTemplates templates;

  /** What the page's {@link PageSteps#recount} read, if it had one. */
  private Recount recount;

  private record Recount(List<ScopeCounter.Counted> counted, List<Object> values) {}

  /** The batch's end, when left to the caller ({@link #completesRun}): its rows per entity. */
  private Map<String, Long> batchEnd;

  /**
   * Whether the page completes its run in its transaction ({@link #completesRun()}): its batch's
   * end left to the caller, its files held.
   */
  private boolean completesRun;

  PageStatements(DSLContext tx, String runId, RowWriter writer, ChainTemplates templates) {
    this.tx = tx;
    this.templates = templates;
    this.runId = runId;
    this.writer = writer;
    this.steps = new PageSteps(tx, runId, writer);
  }

  /** The page's statements, to add to before it is executed. */
  PageSteps steps() {
    return steps;
  }

  /**
   * Runs the page's statements and ends the batch. The files they recorded are then in {@link
   * #recorded}, what they counted in {@link #counted}.
   */
  void execute() {
    int[] counts = new int[steps.list().size()];
    if (Together.returnsRows(tx) && steps.list().size() > 1) {
      runAsOne(counts);
    } else {
      runInBatches(counts);
    }
    finish(steps.list(), counts);
  }

  /**
   * Adds the statements that store the run while {@code start} is pending (with its roots if {@code
   * withRoots}, {@link RunStart#statements(DSLContext, boolean)}), then {@code content} for {@code
   * keys} (one list of keys for each page it adds), and runs the page's statements, as {@link
   * #execute()} does. On PostgreSQL a page named by {@code shape} (null: none) is sent as its
   * shape's chain, rendered once (in the templates it was made with), with this page's run id, keys
   * and run to store bound. The shape names everything the content adds but the run id and the
   * keys.
   */
  void execute(
      Object shape, RunStart start, boolean withRoots, List<List<Object>> keys, Content content) {
    if (shape == null
        || !ChainTemplates.applies(tx)
        || !executeTemplated(shape, start.creation(withRoots), keys, content)) {
      steps.first(start.statements(tx, withRoots));
      content.addTo(steps, keys);
      execute();
    }
  }

  /** Runs the page as its shape's template; false, having done nothing, if there is none. */
  private boolean executeTemplated(
      Object shape, Optional<RunCreation> creation, List<List<Object>> keys, Content content) {
    List<Object> sources = new ArrayList<>();
    sources.add(runId);
    sources.addAll(keys);
    creation.ifPresent(c -> sources.addAll(c.values()));
    int pages = keys.size();
    Function<List<?>, ChainTemplates.Built<List<Step>>> build =
        values -> {
          PageSteps page = new PageSteps(tx, (String) values.getFirst(), writer);
          if (completesRun) {
            page.completesRun();
          }
          creation.ifPresent(
              c -> page.first(c.build(tx, values.subList(1 + pages, values.size()))));
          @SuppressWarnings("unchecked") // the key lists given as sources, or their stand-ins
          List<List<Object>> keyLists = (List<List<Object>>) values.subList(1, 1 + pages);
          content.addTo(page, keyLists);
          return new ChainTemplates.Built<>(
              page.list().stream().map(Step::query).toList(),
              page.list().stream().map(Step::withoutQuery).toList());
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
          returnsFiles(step)
              ? filesRow(step, result.value(0), result.value(1), result.value(2))
              : result.rows();
      if (step.kind() == Kind.RECOUNT) {
        recount = new Recount(step.counted(), Arrays.asList(result.row()));
      }
    }
    finish(ran, counts);
    return true;
  }

  /** What a page adds for its lists of keys. */
  @FunctionalInterface
  interface Content {
    void addTo(PageSteps page, List<List<Object>> keys);
  }

  /** Counts what {@code ran} did ({@code counts}, in order) and ends the batch. */
  private void finish(List<Step> ran, int[] counts) {
    Map<String, Long> deleted = new LinkedHashMap<>();
    for (int i = 0; i < ran.size(); i++) {
      Step step = ran.get(i);
      switch (step.kind()) {
        // recorded by an insert of the rows selected, which returns no keys
        case FILES -> recorded.notReturned(counts[i]);
        case DELETE, DELETE_RECORDING_FILES, DELETE_HOLDING_FILES ->
            deleted.merge(step.entity(), (long) Math.max(0, counts[i]), Long::sum);
        case RECORDED -> counted.recorded(step.entity(), step.outcome(), Math.max(0, counts[i]));
        case OTHER -> {}
      }
    }
    if (completesRun) {
      batchEnd = deleted;
    } else {
      BatchRecords.finishBatch(tx, runId, deleted, templates);
    }
    deleted.forEach((entity, n) -> counted.count(entity, Outcome.DELETED, n));
  }

  /**
   * For a page that deletes its files from the store and completes its run in its own transaction
   * ({@link OnlyPage}): leaves its batch's end to the caller and, on PostgreSQL, holds its files'
   * keys instead of recording them, its statements planned for any keys ({@link
   * PageSteps#completesRun}): if the page does not complete the run after all, the caller ends the
   * batch ({@link #endBatch}) and records the files ({@link RecordedFiles#store}) before the
   * transaction commits.
   */
  void completesRun() {
    completesRun = true;
    steps.completesRun();
  }

  /** Ends the executed page's batch, left to the caller, as it would have itself. */
  void endBatch() {
    BatchRecords.finishBatch(tx, runId, batchEnd, templates);
  }

  /**
   * PostgreSQL: the steps together, in one round trip ({@link Together}); each one's count, or the
   * row of a delete that returns its counts, in order.
   */
  private void runAsOne(int[] counts) {
    List<Step> all = steps.list();
    List<ResultOrRows> each = Together.results(tx, all.stream().map(Step::query).toList());
    for (int i = 0; i < all.size(); i++) {
      Step step = all.get(i);
      counts[i] =
          returnsFiles(step) ? filesRow(step, each.get(i).result().get(0)) : each.get(i).rows();
      if (step.kind() == Kind.RECOUNT) {
        recount = new Recount(step.counted(), each.get(i).result().get(0).intoList());
      }
    }
  }

  /**
   * Elsewhere: the steps as JDBC batches. A delete that returns its counts (a row, which a batch
   * cannot carry) goes alone, the steps before it as one batch, the rest as another.
   */
  private void runInBatches(int[] counts) {
    List<Step> all = steps.list();
    int batched = 0;
    for (int i = 0; i < all.size(); i++) {
      Step step = all.get(i);
      if (returnsFiles(step)) {
        run(batched, i, counts);
        counts[i] = filesRow(step, ((ResultQuery<?>) step.query()).fetchSingle());
        batched = i + 1;
      }
    }
    run(batched, all.size(), counts);
  }

  /** Whether {@code step} is a delete that returns a row of its files, not a count. */
  private static boolean returnsFiles(Step step) {
    return step.kind() == Kind.DELETE_RECORDING_FILES || step.kind() == Kind.DELETE_HOLDING_FILES;
  }

  /**
   * Takes the row of a delete that returned its rows' files ({@link #returnsFiles}): keeps the
   * files (recorded, {@link FileRecords#deleteRecordingFiles}: their ids and keys; held, {@link
   * FileRecords#deleteHoldingFiles}: their number and keys), returns the rows it deleted.
   */
  private int filesRow(Step step, Record row) {
    Object second =
        step.kind() == Kind.DELETE_RECORDING_FILES ? row.get(1, Long[].class) : row.get(1);
    return filesRow(step, row.get(0), second, row.get(2, String[].class));
  }

  private int filesRow(Step step, Object deleted, Object second, Object keys) {
    if (step.kind() == Kind.DELETE_RECORDING_FILES) {
      recorded.returned(step.entity(), (Long[]) second, (String[]) keys);
    } else {
      recorded.held(step.entity(), ((Number) second).longValue(), (String[]) keys);
    }
    return ((Number) deleted).intValue();
  }

  /**
   * Runs steps {@code from} to {@code to} (exclusive) as one batch, their counts into {@code
   * counts}.
   */
  private void run(int from, int to, int[] counts) {
    List<Step> all = steps.list();
    if (to - from == 1) {
      counts[from] = all.get(from).query().execute();
    } else if (to - from > 1) {
      int[] batch = Together.execute(tx, all.subList(from, to).stream().map(Step::query).toList());
      System.arraycopy(batch, 0, counts, from, batch.length);
    }
  }

  /**
   * What the executed page's {@link PageSteps#recount} read of {@code tree} below {@code keys}, if
   * it had one.
   */
  Optional<ScopeCounter.Recounted> recounted(Node tree, List<?> keys) {
    return Optional.ofNullable(recount)
        .map(r -> new ScopeCounter.Recounted(tree, keys, r.counted(), r.values()));
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
