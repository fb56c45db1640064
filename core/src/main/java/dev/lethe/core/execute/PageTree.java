package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Selector;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.KeyList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * What one page's transaction does to a node's rows and to what hangs below them inline: the
 * statements, in order, added to a {@link PageStatements}.
 *
 * @param selector the run's selector (its holds)
 * @param guardHeldChildren whether holds are in force, so that a row above a held row must stay
 */
record PageTree(Selector selector, boolean guardHeldChildren) {

  /** Adds the statements that delete a page of {@code node} and what hangs below it inline. */
  void addPage(PageStatements page, Node node, List<Object> keys) {
    for (Node child : node.cascades()) {
      if (inline(child)) {
        deleteInline(page, child, selector.below(child, keys));
      }
    }
    for (Node.Edge edge : node.updates()) {
      page.update(edge, selector.below(edge, keys));
    }
    BoundEntity entity = node.entity();
    Condition own = KeyList.among(entity.key(), keys).and(selector.held().notHeld(entity));
    if (guardHeldChildren) {
      own = own.and(selector.nothingLeftBelow(node));
    }
    page.delete(entity, own);
  }

  /**
   * Whether a child's rows below a page are deleted inside the page's transaction, set-based, by
   * the parent's keys (fast: every statement is an index range scan) rather than paged on their
   * own. Leaves always are; a child with only leaves below it is, unless holds are in force (then
   * rows above a held row must be told apart one by one).
   */
  boolean inline(Node child) {
    return child.isLeaf() || (child.hasOnlyLeavesBelow() && !guardHeldChildren);
  }

  /** Deletes {@code rows} of an inline node and what hangs below them, deepest first. */
  private void deleteInline(PageStatements page, Node node, Condition rows) {
    if (!node.isLeaf()) {
      BoundEntity entity = node.entity();
      var keys = DSL.select(entity.key()).from(entity.table()).where(rows);
      for (Node child : node.cascades()) {
        page.deleteBelow(
            child.entity(),
            child.entity().field(child.via().orElseThrow().column()),
            entity,
            rows,
            selector.held().notHeld(child.entity()),
            selector.held().any());
      }
      for (Node.Edge edge : node.updates()) {
        page.update(
            edge,
            page.among(edge.child().field(edge.relation().column()), keys)
                .and(selector.held().notHeld(edge.child())));
      }
    }
    page.delete(node.entity(), rows);
  }
}
