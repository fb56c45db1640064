package dev.lethe.core.plan;

import dev.lethe.core.datamap.Relation;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.KeyList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * Builds the conditions that select a node's rows from the root keys, as nested {@code IN (SELECT
 * …)} subqueries.
 *
 * <p>A held row is skipped with everything below it. A row that is not held itself but has a held
 * row somewhere below it is <em>blocked</em>: the rows below it are still handled, but it stays,
 * because deleting it would orphan the held row.
 */
public final class Selector {

  private final HeldRows held;

  public Selector(HeldRows held) {
    this.held = held;
  }

  public HeldRows held() {
    return held;
  }

  /** Rows of {@code node} below the root keys that execution visits: held ones excluded. */
  public Condition reach(Node node, Collection<?> rootKeys) {
    return reach(node, rootKeys, true);
  }

  /** Rows of {@code node} below the root keys that execution deletes: neither held nor blocked. */
  public Condition rows(Node node, Collection<?> rootKeys) {
    return reach(node, rootKeys, true).and(notBlocked(node));
  }

  /** Rows of {@code node} below the root keys, held or not. */
  public Condition rowsIgnoringHolds(Node node, Collection<?> rootKeys) {
    return reach(node, rootKeys, false);
  }

  /** Rows of {@code node} within reach that stay because of a hold below them. */
  public Condition blockedInReach(Node node, Collection<?> rootKeys) {
    return held.any() ? reach(node, rootKeys, true).and(blocked(node)) : DSL.falseCondition();
  }

  private Condition reach(Node node, Collection<?> rootKeys, boolean honourHolds) {
    BoundEntity entity = node.entity();
    Condition own = honourHolds ? held.notHeld(entity) : DSL.noCondition();
    if (node.parent().isEmpty()) {
      return entity.key().in(rootKeys).and(own);
    }
    Node parent = node.parent().get();
    Relation via = node.via().orElseThrow();
    Field<Object> ref = entity.field(via.column());
    // The roots' children by the root keys themselves, unless holds may keep a root: through the
    // roots' table, a child added after the children were deleted (where no foreign key stops it)
    // would not be found once its root is gone, and the recount would prove an erasure that left
    // it.
    Condition parents =
        parent.parent().isEmpty() && !(honourHolds && held.any())
            ? ref.in(rootKeys)
            : ref.in(
                DSL.select(parent.entity().key())
                    .from(parent.entity().table())
                    .where(reach(parent, rootKeys, honourHolds)));
    // IS NOT NULL keeps the condition TRUE or FALSE, never NULL, so that it can be negated.
    return ref.isNotNull().and(parents).and(own);
  }

  /** Child rows of an update edge below the root keys (held children excluded if asked). */
  public Condition edgeRows(
      Node node, Node.Edge edge, Collection<?> rootKeys, boolean honourHolds) {
    Condition own = honourHolds ? held.notHeld(edge.child()) : DSL.noCondition();
    return edge.child()
        .field(edge.relation().column())
        .in(
            DSL.select(node.entity().key())
                .from(node.entity().table())
                .where(reach(node, rootKeys, honourHolds)))
        .and(own);
  }

  /** Rows of a node directly below a page of its parent's keys (held rows excluded). */
  public Condition below(Node node, Collection<?> parentKeys) {
    Relation via = node.via().orElseThrow();
    return KeyList.among(node.entity().field(via.column()), parentKeys)
        .and(held.notHeld(node.entity()));
  }

  /** Child rows of an update edge directly below a page of keys (held rows excluded). */
  public Condition below(Node.Edge edge, Collection<?> parentKeys) {
    return KeyList.among(edge.child().field(edge.relation().column()), parentKeys)
        .and(held.notHeld(edge.child()));
  }

  /** Rows of {@code node} (any) that have no held or blocked row below them. */
  public Condition notBlocked(Node node) {
    return held.any() ? DSL.not(blocked(node)) : DSL.noCondition();
  }

  private Condition blocked(Node node) {
    List<Condition> below = new ArrayList<>();
    for (Node child : node.cascades()) {
      BoundEntity entity = child.entity();
      below.add(
          DSL.exists(
              referring(entity, child.via().orElseThrow().column(), node)
                  .and(held.held(entity).or(blocked(child)))));
    }
    // A held row that a detaching, anonymizing or retaining relation points here keeps it too.
    for (Node.Edge edge : node.updates()) {
      below.add(
          DSL.exists(
              referring(edge.child(), edge.relation().column(), node)
                  .and(held.held(edge.child()))));
    }
    return below.isEmpty() ? DSL.falseCondition() : DSL.or(below);
  }

  /** Rows whose children (held ones), by any relation, are still there must stay too. */
  public Condition nothingLeftBelow(Node node) {
    return nothingBelow(node, node.cascades(), node.updates());
  }

  /**
   * Rows below which no child was added since the children were handled, looked for only by the
   * relations whose newcomers {@link Node#mayOutliveParent could outlive} the row: a row with a
   * newcomer stays, and the newcomer with it, within reach of the recount (which then fails the
   * run) and of the run resumed. No condition where foreign keys guard every relation.
   */
  public Condition nothingAddedBelow(Node node) {
    return nothingBelow(
        node,
        node.cascades().stream().filter(Node::mayOutliveParent).toList(),
        node.updates().stream().filter(node::mayOutlive).toList());
  }

  private static Condition nothingBelow(Node node, List<Node> children, List<Node.Edge> edges) {
    List<Condition> none = new ArrayList<>();
    for (Node child : children) {
      none.add(DSL.notExists(referring(child.entity(), child.via().orElseThrow().column(), node)));
    }
    for (Node.Edge edge : edges) {
      none.add(DSL.notExists(referring(edge.child(), edge.relation().column(), node)));
    }
    return none.isEmpty() ? DSL.noCondition() : DSL.and(none);
  }

  /** The rows of {@code child} whose {@code column} refers to a row of {@code node}. */
  private static SelectConditionStep<Record1<Integer>> referring(
      BoundEntity child, String column, Node node) {
    return DSL.selectOne().from(child.table()).where(child.field(column).eq(node.entity().key()));
  }
}
