package dev.lethe.core.execute;

import dev.lethe.core.sql.BatchSizer;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.ChainTemplates;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Reads the keys of the rows a condition selects in pages, in key order (keyset pagination), each
 * page sized by a {@link BatchSizer} that follows how long handling the pages takes. Each thing
 * paged (a node of the plan, an update edge) keeps its own sizer for the whole execution.
 */
final class KeyPages {

  /**
   * The rows of {@code entity} that {@code where} selects. When a shape is named, {@code where} is
   * {@code build} applied to {@code sources}, and {@code shape} names everything else it depends
   * on: its reads are then sent from their template ({@link ChainTemplates}).
   */
  record Rows(
      BoundEntity entity,
      Condition where,
      Object shape,
      List<?> sources,
      Function<List<?>, Condition> build) {

    /** Rows selected by a condition of no named shape: their reads are built every time. */
    static Rows of(BoundEntity entity, Condition where) {
      return new Rows(entity, where, null, List.of(), v -> where);
    }

    /** The rows {@code build} selects of {@code sources}, whose shape is {@code shape}. */
    static Rows shaped(
        BoundEntity entity, Object shape, List<?> sources, Function<List<?>, Condition> build) {
      return new Rows(entity, build.apply(sources), shape, sources, build);
    }
  }

  /** Where keys are read ahead. */
  private static final Executor READER = Background.pool("lethe-keys-");

  private final DSLContext dsl;
  private final ExecutionOptions options;
  private final ChainTemplates templates;
  private final Map<Object, BatchSizer> sizers = new IdentityHashMap<>();

  KeyPages(DSLContext dsl, ExecutionOptions options, ChainTemplates templates) {
    this.dsl = dsl;
    this.options = options;
    this.templates = templates;
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
   * which returns how long it took. With {@code readAhead}, once the sizer is steady, the next
   * page's keys are read while a page is handled; otherwise after it, on the caller's thread.
   */
  void forEach(
      Rows rows, BatchSizer sizer, boolean readAhead, ToLongFunction<List<Object>> handle) {
    forEachAfter(rows, null, sizer, readAhead, handle);
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
   * Handles {@code first}, a full page already read, then the pages after it (read ahead as {@link
   * #forEach} says). Returns at once, handling nothing, when {@code first} is shorter than {@code
   * size}: it held every row.
   */
  void forEachFrom(
      Rows rows,
      List<Object> first,
      int size,
      BatchSizer sizer,
      boolean readAhead,
      ToLongFunction<List<Object>> handle) {
    if (first.size() < size) {
      return;
    }
    sizer.observe(handle.applyAsLong(first), first.size());
    forEachAfter(rows, first.getLast(), sizer, readAhead, handle);
  }

  private void forEachAfter(
      Rows rows,
      Object after,
      BatchSizer sizer,
      boolean readAhead,
      ToLongFunction<List<Object>> handle) {
    int size = sizer.size();
    List<Object> keys = read(rows, after, size);
    while (!keys.isEmpty()) {
      // a short page held every row after the last one: reading again would find none
      if (keys.size() < size) {
        sizer.observe(handle.applyAsLong(keys), keys.size());
        return;
      }
      if (!sizer.steady() || !readAhead) {
        // while the sizer is finding its size, each page's size follows from the page before;
        // without read-ahead (a paced pass) the next keys are read here, after the page
        sizer.observe(handle.applyAsLong(keys), keys.size());
        size = sizer.size();
        keys = read(rows, keys.getLast(), size);
        continue;
      }
      // the next page's keys, as many as this page's, are read while this page is handled
      CompletableFuture<List<Object>> next = readAhead(rows, keys.getLast(), size);
      try {
        sizer.observe(handle.applyAsLong(keys), keys.size());
      } catch (RuntimeException | Error e) {
        // the read finishes before the failure leaves: nothing of the pass is left running
        next.handle((k, f) -> null).join();
        throw e;
      }
      keys = Background.joined(next);
    }
  }

  /**
   * Reads the keys {@link #read} would on a thread of its own, on a connection of its own. The
   * pages of a pass are disjoint ranges of keys, so a page's transaction and the read of the keys
   * after it touch different rows: the read sees the same keys it would see once the page has
   * committed.
   */
  private CompletableFuture<List<Object>> readAhead(Rows rows, Object after, int size) {
    return CompletableFuture.supplyAsync(() -> read(rows, after, size), READER);
  }

  /**
   * Up to {@code size} keys of {@code rows}, after {@code after} if not null; from a template when
   * the rows' shape is named (its sources followed by {@code after} and {@code size}).
   */
  List<Object> read(Rows rows, Object after, int size) {
    BoundEntity entity = rows.entity();
    List<Object> sources = new ArrayList<>(rows.sources().size() + 2);
    sources.addAll(rows.sources());
    sources.add(after);
    sources.add((long) size); // jOOQ binds a limit as a long
    int n = rows.sources().size();
    return templates.fetch(
        dsl,
        rows.shape() == null ? null : List.of("keys", rows.shape()),
        sources,
        entity.key(),
        v -> {
          Condition where = v == sources ? rows.where() : rows.build().apply(v.subList(0, n));
          Object from = v.get(n);
          return dsl.select(entity.key())
              .from(entity.table())
              .where(from == null ? where : where.and(entity.key().gt(from)))
              .orderBy(entity.key())
              .limit((Long) v.get(n + 1));
        });
  }
}
