package dev.lethe.core.execute;

import dev.lethe.core.sql.BoundEntity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Reads the keys of the rows a condition selects in pages, in key order (keyset pagination), each
 * page sized by a {@link BatchSizer} that follows how long handling the pages takes. Each thing
 * paged (a node of the plan, an update edge) keeps its own sizer for the whole execution.
 */
final class KeyPages {

  private final DSLContext dsl;
  private final ExecutionOptions options;
  private final Map<Object, BatchSizer> sizers = new IdentityHashMap<>();

  KeyPages(DSLContext dsl, ExecutionOptions options) {
    this.dsl = dsl;
    this.options = options;
  }

  /** The sizer of {@code paged} (a node or an edge), created at the first call. */
  BatchSizer sizer(Object paged) {
    return sizers.computeIfAbsent(paged, p -> fresh());
  }

  /** The most keys of a child's page that may join its parent's transaction: a first batch. */
  int joinable() {
    return options.initialBatch();
  }

  /** A sizer of its own, for one pass. */
  BatchSizer fresh() {
    return new BatchSizer(options.initialBatch(), options.maxBatch(), options.targetMillis());
  }

  /**
   * Reads the keys of the rows {@code rows} selects in pages and hands each page to {@code handle},
   * which returns how long it took.
   */
  void forEach(
      BoundEntity entity, Condition rows, BatchSizer sizer, ToLongFunction<List<Object>> handle) {
    forEachAfter(entity, rows, null, sizer, handle);
  }

  /**
   * Hands {@code keys}, known already, to {@code handle} in pages sized by {@code sizer}, in key
   * order: the pages a read would give when every key still selects a row.
   */
  void forEachOf(List<Object> keys, BatchSizer sizer, ToLongFunction<List<Object>> handle) {
    List<Object> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    for (int from = 0; from < sorted.size(); ) {
      int to = Math.min(sorted.size(), from + sizer.size());
      sizer.observe(handle.applyAsLong(sorted.subList(from, to)), to - from);
      from = to;
    }
  }

  /**
   * Handles {@code first}, a full page already read, then the pages after it. Returns at once,
   * handling nothing, when {@code first} is shorter than {@code size}: it held every row.
   */
  void forEachFrom(
      BoundEntity entity,
      Condition rows,
      List<Object> first,
      int size,
      BatchSizer sizer,
      ToLongFunction<List<Object>> handle) {
    if (first.size() < size) {
      return;
    }
    sizer.observe(handle.applyAsLong(first), first.size());
    forEachAfter(entity, rows, first.getLast(), sizer, handle);
  }

  private void forEachAfter(
      BoundEntity entity,
      Condition rows,
      Object after,
      BatchSizer sizer,
      ToLongFunction<List<Object>> handle) {
    int size = sizer.size();
    List<Object> keys = read(entity, rows, after, size);
    while (!keys.isEmpty()) {
      sizer.observe(handle.applyAsLong(keys), keys.size());
      // a short page held every row after the last one: reading again would find none
      if (keys.size() < size) {
        return;
      }
      size = sizer.size();
      keys = read(entity, rows, keys.getLast(), size);
    }
  }

  /** Up to {@code size} keys of the rows {@code rows} selects, after {@code after} if not null. */
  List<Object> read(BoundEntity entity, Condition rows, Object after, int size) {
    return dsl.select(entity.key())
        .from(entity.table())
        .where(after == null ? rows : rows.and(entity.key().gt(after)))
        .orderBy(entity.key())
        .limit(size)
        .fetch(entity.key());
  }
}
