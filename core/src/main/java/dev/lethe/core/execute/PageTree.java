package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Selector;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.KeyList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * What one page's transaction does to a node's rows and to what hangs below them inline: the
 * statements, in order, added to a {@link PageSteps}.
 *
 * <p>Below a page whose node's {@link Node#leavesFirst leaves deleted first} are gone, the rows of
 * those leaves' entity that hang below a parent deleted inline (attachments below messages) are not
 * looked for: the database refuses to delete the parent while one is left. A page whose delete
 * fails is handled again, in full.
 *
 * <p>A row is deleted only if nothing was added below it since its children went, by the relations
 * that no foreign key guards ({@link Selector#nothingAddedBelow}): such a newcomer keeps its
 * parent, and so everything above it, where the recount and a resumed run find it.
 *
 * @param selector the run's selector (its holds)
 * @param guardHeldChildren whether holds are in force, so that a row above a held row must stay
 * @param leavesDeleted the nodes whose leaves deleted first are gone below the page being handled
 */
record PageTree(Selector selector, boolean guardHeldChildren, Set<Node> leavesDeleted) {

  PageTree(Selector selector, boolean guardHeldChildren) {
    this(selector, guardHeldChildren, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** The leaves of {@code node} to delete before the rest below its page; none under holds. */
  List<Node> leavesFirst(Node node) {
    return guardHeldChildren ? List.of() : node.leavesFirst();
  }

  /**
   * Adds the statements that delete a page of {@code node} and what hangs below it inline; {@code
   * full}, every row below, even those the leaves deleted first leave none of.
   */
  void addPage(PageSteps page, Node node, List<Object> keys, boolean full) {
    for (Node child : node.cascades()) {
      if (inline(child)) {
        deleteInline(page, child, selector.below(child, keys), full);
      }
    }
    for (Node.Edge edge : node.updates()) {
      page.update(edge, selector.below(edge, keys));
    }
    BoundEntity entity = node.entity();
    Condition own = KeyList.among(entity.key(), keys).and(selector.held().notHeld(entity));
    own =
        own.and(
            guardHeldChildren ? selector.nothingLeftBelow(node) : selector.nothingAddedBelow(node));
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

  /**
   * Whether the rows of {@code node}, below a parent deleted inline, are gone already: an
   * ancestor's leaf of the same entity was deleted first, and the database would refuse the
   * parent's delete if one were left.
   */
  private boolean deletedFirst(Node node) {
    // empty under holds: no leaves are deleted first then
    if (leavesDeleted.isEmpty() || !node.guardedByParent()) {
      return false;
    }
    String entity = node.entity().name();
    for (Optional<Node> above = node.parent().flatMap(Node::parent);
        above.isPresent();
        above = above.get().parent()) {
      Node ancestor = above.get();
      if (leavesDeleted.contains(ancestor)
          && ancestor.leavesFirst().stream().anyMatch(l -> l.entity().name().equals(entity))) {
        return true;
      }
    }
    return false;
  }

  /** Deletes {@code rows} of an inline node and what hangs below them, deepest first. */
  private void deleteInline(PageSteps page, Node node, Condition rows, boolean full) {
    if (!node.isLeaf()) {
      BoundEntity entity = node.entity();
      var keys = DSL.select(entity.key()).from(entity.table()).where(rows);
      for (Node child : node.cascades()) {
        if (!full && deletedFirst(child)) {
          continue;
        }
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
    page.delete(node.entity(), rows.and(selector.nothingAddedBelow(node)));
  }
}
