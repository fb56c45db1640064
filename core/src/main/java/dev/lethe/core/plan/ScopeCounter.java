package dev.lethe.core.plan;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.sql.CountReads;
import dev.lethe.core.sql.KeyedTemplates;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * Counts, with set-based queries, what a plan's trees reach: rows to delete per entity (each row
 * once, however many paths reach it), rows to detach, anonymize or retain, and rows left because a
 * hold covers them.
 */
public final class ScopeCounter {

  private static final int ROOT_CHUNK = 500;

  private final DSLContext dsl;
  private final BoundMap bound;
  private final Selector selector;

  public ScopeCounter(DSLContext dsl, BoundMap bound, Selector selector) {
    this.dsl = dsl;
    this.bound = bound;
    this.selector = selector;
  }

  public Preview count(List<RootSet> roots) {
    return count(roots, Optional.empty());
  }

  /**
   * Counts what {@code roots} reach, a tree's counts below some of its keys taken from {@code
   * recounted} (read by a statement sent earlier in the same transaction) instead of a statement of
   * their own.
   */
  public Preview count(List<RootSet> roots, Optional<Recounted> recounted) {
    Map<String, Map<Outcome, Long>> totals = totals();
    for (RootSet root : roots) {
      for (int from = 0; from < root.keys().size(); from += ROOT_CHUNK) {
        List<Object> chunk =
            root.keys().subList(from, Math.min(root.keys().size(), from + ROOT_CHUNK));
        if (root.anonymizesRoots()) {
          countAnonymizedRoots(root, chunk, totals);
        } else {
          countTree(root.tree(), chunk, totals, recounted);
        }
      }
    }
    List<EntityCount> entities = new ArrayList<>();
    totals.forEach((entity, counts) -> entities.add(new EntityCount(entity, counts)));
    return new Preview(entities);
  }

  private void countAnonymizedRoots(
      RootSet root, List<Object> keys, Map<String, Map<Outcome, Long>> totals) {
    BoundEntity entity = root.tree().entity();
    Condition all = entity.key().in(keys);
    long anonymized = count(entity, all.and(selector.held().notHeld(entity)));
    add(totals, entity.name(), Outcome.ANONYMIZED, anonymized);
    add(totals, entity.name(), Outcome.HELD, count(entity, all) - anonymized);
  }

  private Map<String, Map<Outcome, Long>> totals() {
    Map<String, Map<Outcome, Long>> totals = new LinkedHashMap<>();
    bound.map().entities().keySet().forEach(e -> totals.put(e, new EnumMap<>(Outcome.class)));
    return totals;
  }

  /**
   * All of {@code tree}'s counts below {@code keys} as one select, to send with other statements in
   * a transaction that then counts through {@link #count(List, Optional)}; empty under holds or
   * past one statement's keys, or when the tree has nothing to count.
   */
  public Optional<TreeCount> treeCount(Node tree, List<?> keys) {
    if (selector.held().any() || keys.size() > ROOT_CHUNK) {
      return Optional.empty();
    }
    List<Tally> tallies = tallies(tree, keys, totals());
    return tallies.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new TreeCount(countQuery(tallies), tallies.stream().map(Tally::counted).toList()));
  }

  /** A tree's counts as one select ({@link #treeCount}), and what each value of its row counts. */
  public record TreeCount(ResultQuery<Record> query, List<Counted> counted) {}

  /**
   * A tree's counts below {@code keys} as a {@link TreeCount} read them: {@code values}, one for
   * each of {@code counted}.
   */
  public record Recounted(Node tree, List<?> keys, List<Counted> counted, List<Object> values) {

    boolean counts(Node tree, List<?> keys) {
      return tree == this.tree
          && keys.size() == this.keys.size()
          && new HashSet<>(keys).equals(new HashSet<>(this.keys));
    }
  }

  private void countTree(
      Node tree,
      List<Object> keys,
      Map<String, Map<Outcome, Long>> totals,
      Optional<Recounted> recounted) {
    if (recounted.isPresent() && recounted.get().counts(tree, keys)) {
      add(totals, recounted.get().counted(), recounted.get().values());
      return;
    }
    List<Counted> counted;
    List<Object> counts;
    Optional<KeyedTemplates.Rendered<List<Counted>>> template =
        selector.held().any() || keys.size() > KeyedTemplates.MAX_KEYS
            ? Optional.empty()
            : bound
                .templates()
                .get(
                    dsl,
                    "count " + tree.entity().name() + " " + keys.size(),
                    () -> {
                      List<Tally> tallies = tallies(tree, KeyedTemplates.params(keys), totals);
                      return new KeyedTemplates.Built<>(
                          countQuery(tallies), tallies.stream().map(Tally::counted).toList());
                    });
    if (template.isPresent()) {
      counted = template.get().meta();
      if (counted.isEmpty()) {
        return;
      }
      counts = CountReads.fetchOne(dsl, template.get().sql(), template.get().bind(keys));
    } else {
      List<Tally> tallies = tallies(tree, keys, totals);
      if (tallies.isEmpty()) {
        return;
      }
      counted = tallies.stream().map(Tally::counted).toList();
      counts = CountReads.fetchOne(dsl, countQuery(tallies));
    }
    add(totals, counted, counts);
  }

  /** Adds what a tree's counts read ({@code counts}, one for each of {@code counted}). */
  private static void add(
      Map<String, Map<Outcome, Long>> totals, List<Counted> counted, List<Object> counts) {
    Map<String, Long> done = new LinkedHashMap<>();
    for (int i = 0; i < counted.size(); i++) {
      Counted tally = counted.get(i);
      long n = ((Number) counts.get(i)).longValue();
      String name = tally.entity();
      if (tally.outcome() == Outcome.HELD) {
        add(totals, name, Outcome.HELD, n - done.getOrDefault(name, 0L));
      } else {
        add(totals, name, tally.outcome(), n);
        done.merge(name, n, Long::sum);
      }
    }
  }

  /** All of a tree's counts in one statement (a scalar subquery each). */
  private ResultQuery<Record> countQuery(List<Tally> tallies) {
    return dsl.select(
        tallies.stream()
            .map(t -> (SelectField<?>) DSL.field(DSL.selectCount().from(t.keys().asTable("k"))))
            .toList());
  }

  private List<Tally> tallies(Node tree, List<?> keys, Map<String, Map<Outcome, Long>> totals) {
    Map<String, List<Node>> nodesByEntity = new LinkedHashMap<>();
    Map<String, Map<Outcome, List<Condition>>> edgesByEntity = new LinkedHashMap<>();
    Map<String, Map<Outcome, List<Condition>>> edgesIgnoringHolds = new LinkedHashMap<>();
    for (Node node : tree.descendantsAndSelf()) {
      nodesByEntity.computeIfAbsent(node.entity().name(), e -> new ArrayList<>()).add(node);
      for (Node.Edge edge : node.updates()) {
        Outcome outcome = Outcome.of(edge.action());
        edgesByEntity
            .computeIfAbsent(edge.child().name(), e -> new EnumMap<>(Outcome.class))
            .computeIfAbsent(outcome, o -> new ArrayList<>())
            .add(selector.edgeRows(node, edge, keys, true));
        edgesIgnoringHolds
            .computeIfAbsent(edge.child().name(), e -> new EnumMap<>(Outcome.class))
            .computeIfAbsent(outcome, o -> new ArrayList<>())
            .add(selector.edgeRows(node, edge, keys, false));
      }
    }
    List<Tally> tallies = new ArrayList<>();
    for (String name : totals.keySet()) {
      BoundEntity entity = bound.entity(name);
      List<Node> nodes = nodesByEntity.getOrDefault(name, List.of());
      Select<Record1<Object>> deleted =
          nodes.isEmpty()
              ? null
              : keysAlong(entity, nodes.stream().map(n -> selector.rows(n, keys)).toList());
      if (deleted != null) {
        tallies.add(new Tally(entity, Outcome.DELETED, deleted));
      }
      for (var edges : edgesByEntity.getOrDefault(name, Map.of()).entrySet()) {
        Select<Record1<Object>> updated = keysAlong(entity, edges.getValue());
        tallies.add(
            new Tally(entity, edges.getKey(), deleted == null ? updated : updated.except(deleted)));
      }
      if (selector.held().any()) {
        List<Condition> everything = new ArrayList<>();
        nodes.forEach(n -> everything.add(selector.rowsIgnoringHolds(n, keys)));
        edgesIgnoringHolds.getOrDefault(name, Map.of()).values().forEach(everything::addAll);
        if (!everything.isEmpty()) {
          // everything reached, held or not: the held rows are this minus the others
          tallies.add(new Tally(entity, Outcome.HELD, keysAlong(entity, everything)));
        }
      }
    }
    return tallies;
  }

  /** What one count of a tree counts: the rows of an entity with an outcome. */
  public record Counted(String entity, Outcome outcome) {}

  /**
   * One count of a tree: the rows of an entity with an outcome. All of a tree's counts go to the
   * database as one statement (a scalar subquery each): one round trip, not one per entity.
   */
  private record Tally(BoundEntity entity, Outcome outcome, Select<Record1<Object>> keys) {
    Counted counted() {
      return new Counted(entity.name(), outcome);
    }
  }

  /**
   * The keys of the rows reached along any of {@code paths}, as a UNION of one select per path:
   * each path is a chain of semi-joins the database runs as such, where an OR of paths in one WHERE
   * made PostgreSQL test every row of the table against each path (minutes, for a table of millions
   * of rows).
   */
  private static Select<Record1<Object>> keysAlong(BoundEntity entity, List<Condition> paths) {
    Select<Record1<Object>> union = null;
    for (Condition path : paths) {
      Select<Record1<Object>> one = DSL.select(entity.key()).from(entity.table()).where(path);
      union = union == null ? one : union.union(one);
    }
    return union;
  }

  private long count(BoundEntity entity, Condition condition) {
    return dsl.fetchCount(entity.table(), condition);
  }

  private static void add(
      Map<String, Map<Outcome, Long>> totals, String entity, Outcome outcome, long n) {
    if (n != 0) {
      totals.get(entity).merge(outcome, n, Long::sum);
    }
  }
}
