package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The statements that store a run and its roots as built from {@code values} (the run's columns,
 * then its root keys), and what they depend on besides: how many keys each root has ({@code
 * shape}). What a chain's template takes them as ({@code dev.lethe.core.sql.ChainTemplates}).
 */
public record RunCreation(List<Integer> shape, List<Object> values) {

  /** The statements, built on {@code ctx} from {@code values} (these or their stand-ins). */
  public List<Query> build(DSLContext ctx, List<?> values) {
    List<Query> queries = new ArrayList<>();
    queries.add(
        ctx.insertInto(RUNS)
            .set(RUN_ID, (String) values.get(0))
            .set(RUN_KIND, (String) values.get(1))
            .set(RUN_SCOPE, (String) values.get(2))
            .set(RUN_WORKSPACE, (String) values.get(3))
            .set(RUN_STATUS, (String) values.get(4))
            .set(RUN_MAP_NAME, (String) values.get(5))
            .set(RUN_MAP_FINGERPRINT, (String) values.get(6))
            .set(RUN_SUBJECT_SEALED, (String) values.get(7))
            .set(RUN_SUBJECT_HASHES, (String) values.get(8))
            .set(RUN_PARAMS, (String) values.get(9))
            .set(RUN_BATCHES, 0L)
            .set(RUN_VERSION, (Long) values.get(10))
            .set(RUN_CREATED, (LocalDateTime) values.get(11))
            .set(RUN_STARTED, (LocalDateTime) values.get(12)));
    int next = COLUMNS;
    for (int i = 0; i < shape.size(); i++) {
      List<String> keys = new ArrayList<>(shape.get(i));
      for (int k = 0; k < shape.get(i); k++) {
        keys.add((String) values.get(next++));
      }
      queries.addAll(rootInserts(ctx, (String) values.get(0), i, keys));
    }
    return queries;
  }

  private static final int COLUMNS = 13;

  /** {@code run} with {@code roots} as values to store them from. */
  public static RunCreation of(RunRecord run, List<List<String>> roots) {
    List<Object> values = new ArrayList<>();
    values.add(run.id());
    values.add(run.kind());
    values.add(run.scope());
    values.add(run.workspace().orElse(null));
    values.add(run.status().code());
    values.add(run.dataMapName());
    values.add(run.dataMapFingerprint());
    values.add(run.subjectSealed().orElse(null));
    values.add(run.subjectHashes());
    values.add(run.params());
    values.add(run.version());
    values.add(RunStore.utc(run.createdAt()));
    values.add(run.startedAt().map(RunStore::utc).orElse(null));
    roots.forEach(values::addAll);
    return new RunCreation(roots.stream().map(List::size).toList(), values);
  }

  /**
   * The statements of {@link RunStore#create(RunRecord, List)}, built on {@code ctx}: a
   * transaction's, for the run to be stored in it.
   */
  public static List<Query> queries(DSLContext ctx, RunRecord run, List<List<String>> roots) {
    RunCreation creation = of(run, roots);
    return creation.build(ctx, creation.values());
  }

  /**
   * The inserts of {@code roots} (the keys of each root set, by its index) of run {@code runId}:
   * those {@link #queries} leaves out when given no roots, for the run to store them later.
   */
  public static List<Query> rootQueries(DSLContext ctx, String runId, List<List<String>> roots) {
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      queries.addAll(rootInserts(ctx, runId, i, roots.get(i)));
    }
    return queries;
  }

  /** The most root keys one insert writes. */
  private static final int ROOTS_PER_INSERT = 500;

  /** The inserts of root {@code rootIndex}'s keys, {@value #ROOTS_PER_INSERT} a statement. */
  static List<Query> rootInserts(DSLContext ctx, String runId, int rootIndex, List<String> keys) {
    List<Query> inserts = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += ROOTS_PER_INSERT) {
      var insert = ctx.insertInto(ROOTS, ROOT_RUN, ROOT_INDEX, ROOT_KEY);
      for (String key : keys.subList(from, Math.min(keys.size(), from + ROOTS_PER_INSERT))) {
        insert = insert.values(runId, rootIndex, key);
      }
      inserts.add(insert);
    }
    return inserts;
  }
}
