package dev.lethe.core.plan;

import dev.lethe.core.datamap.Relation;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.sql.BoundEntity;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Builds the conditions that select a node's rows from the root keys, as nested {@code IN (SELECT
 * …)} subqueries, excluding held rows at every level.
 */
public final class Selector {

  private final HeldRows held;

  public Selector(HeldRows held) {
    this.held = held;
  }

  /** Rows of {@code node} below the given root keys (held rows excluded, honouring holds). */
  public Condition rows(Node node, Collection<?> rootKeys) {
    return rows(node, rootKeys, true);
  }

  /** Rows of {@code node} below the given root keys, held or not. */
  public Condition rowsIgnoringHolds(Node node, Collection<?> rootKeys) {
    return rows(node, rootKeys, false);
  }

  private Condition rows(Node node, Collection<?> rootKeys, boolean honourHolds) {
    BoundEntity entity = node.entity();
    Condition own = honourHolds ? held.notHeld(entity) : DSL.noCondition();
    if (node.parent().isEmpty()) {
      return entity.key().in(rootKeys).and(own);
    }
    Node parent = node.parent().get();
    Relation via = node.via().orElseThrow();
    return entity
        .field(via.column())
        .in(
            DSL.select(parent.entity().key())
                .from(parent.entity().table())
                .where(rows(parent, rootKeys, honourHolds)))
        .and(own);
  }

  /** Child rows of an update edge below the given root keys. */
  public Condition edgeRows(
      Node node, Node.Edge edge, Collection<?> rootKeys, boolean honourHolds) {
    Condition own = honourHolds ? held.notHeld(edge.child()) : DSL.noCondition();
    return edge.child()
        .field(edge.relation().column())
        .in(
            DSL.select(node.entity().key())
                .from(node.entity().table())
                .where(rows(node, rootKeys, honourHolds)))
        .and(own);
  }

  /** Rows of a node directly below a page of its parent's keys (held rows excluded). */
  public Condition below(Node node, Collection<?> parentKeys) {
    Relation via = node.via().orElseThrow();
    return node.entity().field(via.column()).in(parentKeys).and(held.notHeld(node.entity()));
  }

  /** Child rows of an update edge directly below a page of keys (held rows excluded). */
  public Condition below(Node.Edge edge, Collection<?> parentKeys) {
    return edge.child()
        .field(edge.relation().column())
        .in(parentKeys)
        .and(held.notHeld(edge.child()));
  }

  public HeldRows held() {
    return held;
  }
}
