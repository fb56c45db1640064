package dev.lethe.core.plan;

import dev.lethe.core.datamap.OnDelete;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.schema.ForeignKey.DeleteRule;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One place in a scope's deletion tree: rows of {@code entity} that are deleted because the row
 * above them is. A data map's relations form a graph; the tree unrolls it from one root, so an
 * entity reached along two paths appears twice, each time with the rows its path selects.
 */
public final class Node {

  private final BoundEntity entity;
  private final Optional<Relation> via;
  private final Optional<Node> parent;
  private final List<Node> cascades = new ArrayList<>();
  private final List<Edge> updates = new ArrayList<>();
  private List<Node> leavesFirst;
  private String path;

  /** A non-cascading relation below this node: its child rows are detached or anonymized. */
  public record Edge(Relation relation, BoundEntity child) {
    public OnDelete action() {
      return relation.onDelete();
    }
  }

  private Node(BoundEntity entity, Optional<Relation> via, Optional<Node> parent) {
    this.entity = entity;
    this.via = via;
    this.parent = parent;
  }

  /** The tree below {@code root}: cascades become child nodes, other relations edges. */
  public static Node root(BoundMap bound, String entity) {
    Node root = new Node(bound.entity(entity), Optional.empty(), Optional.empty());
    root.grow(bound);
    return root;
  }

  private void grow(BoundMap bound) {
    for (Relation relation : bound.childrenOf(entity.name())) {
      BoundEntity child = bound.entity(relation.child());
      if (relation.onDelete() == OnDelete.CASCADE) {
        Node node = new Node(child, Optional.of(relation), Optional.of(this));
        node.grow(bound);
        cascades.add(node);
      } else {
        updates.add(new Edge(relation, child));
      }
    }
    deletersFirst();
  }

  /**
   * Orders the children so that a child whose rows below detach, anonymize or retain rows of an
   * entity that a sibling's rows below delete comes after that sibling. A workspace's bots detach
   * its contacts, conversations and AI logs, which the workspace itself deletes: handled first, the
   * bots detached (and recorded) every one of them just before they were deleted — a quarter of a
   * million-message workspace's erasure. Handled after, they find nothing left to detach. The end
   * is the same either way: a row that one path deletes and another updates is deleted (as the
   * preview counts it), and no delete depends on a reference that an update sets to null, since a
   * column is one relation with one action. (A child deleted inline, with its parent's page, goes
   * after every child paged on its own whatever the order.)
   */
  private void deletersFirst() {
    List<Set<String>> deleted = cascades.stream().map(Node::deletedBelow).toList();
    List<Node> first = new ArrayList<>();
    List<Node> after = new ArrayList<>();
    for (int i = 0; i < cascades.size(); i++) {
      Set<String> updated = cascades.get(i).updatedBelow();
      boolean updatesASiblings = false;
      for (int j = 0; j < cascades.size() && !updatesASiblings; j++) {
        updatesASiblings = j != i && deleted.get(j).stream().anyMatch(updated::contains);
      }
      (updatesASiblings ? after : first).add(cascades.get(i));
    }
    cascades.clear();
    cascades.addAll(first);
    cascades.addAll(after);
  }

  /** The entities this node and the nodes below it delete rows of. */
  private Set<String> deletedBelow() {
    Set<String> names = new HashSet<>();
    descendantsAndSelf().forEach(n -> names.add(n.entity.name()));
    return names;
  }

  /** The entities whose rows this node and the nodes below it detach, anonymize or retain. */
  private Set<String> updatedBelow() {
    Set<String> names = new HashSet<>();
    descendantsAndSelf().forEach(n -> n.updates.forEach(e -> names.add(e.child().name())));
    return names;
  }

  public BoundEntity entity() {
    return entity;
  }

  /** The relation from this node's rows up to the parent's, empty for a root. */
  public Optional<Relation> via() {
    return via;
  }

  public Optional<Node> parent() {
    return parent;
  }

  public List<Node> cascades() {
    return cascades;
  }

  public List<Edge> updates() {
    return updates;
  }

  /** A leaf has nothing below it: its rows can be deleted in its parent's batch. */
  public boolean isLeaf() {
    return cascades.isEmpty() && updates.isEmpty();
  }

  /** True when the nodes below this one are all leaves (nothing hangs below them). */
  public boolean hasOnlyLeavesBelow() {
    return !cascades.isEmpty() && cascades.stream().allMatch(Node::isLeaf);
  }

  /**
   * Whether the database refuses to delete this node's parent rows while one of this node's rows
   * refers to them: a declared foreign key that neither cascades nor sets null. Rows of this node
   * left behind then make the parent's delete fail, never leave rows behind.
   */
  public boolean guardedByParent() {
    return parent.isPresent()
        && entity.guardsDeleteOf(via.orElseThrow().column(), parent.get().entity);
  }

  /**
   * Whether a row of this node added below a parent row after this node's rows there were deleted
   * could be left behind by the parent's delete: no declared foreign key refuses that delete, and
   * none deletes the newcomer with its parent (with everything below the newcomer). Such a row,
   * once its parent is gone, is out of every later look-up's reach, the recount's included.
   */
  public boolean mayOutliveParent() {
    if (parent.isEmpty()) {
      return false;
    }
    Optional<DeleteRule> rule =
        entity.deleteRuleOf(via.orElseThrow().column(), parent.get().entity);
    if (rule.isEmpty()) {
      return true;
    }
    return switch (rule.get()) {
      case RESTRICT -> false;
      case CASCADE ->
          cascades.stream().anyMatch(Node::mayOutliveParent)
              || updates.stream().anyMatch(this::mayOutlive);
      case SET_NULL -> true;
    };
  }

  /**
   * Whether a row of an update edge added below a row of this node after the edge's rows were
   * updated could keep its reference, or its personal columns, when the row is deleted: no declared
   * foreign key refuses the delete or deletes the newcomer, and none sets its reference to null
   * where nulling it is all the edge does.
   */
  public boolean mayOutlive(Edge edge) {
    Optional<DeleteRule> rule = edge.child().deleteRuleOf(edge.relation().column(), entity);
    if (rule.isEmpty()) {
      return true;
    }
    return switch (rule.get()) {
      case RESTRICT, CASCADE -> false;
      case SET_NULL -> edge.action() != OnDelete.DETACH;
    };
  }

  /**
   * The leaf children whose rows are worth deleting before anything else below a page of this node:
   * a leaf whose entity is also deleted further down, in the pages of a node below this one,
   * through rows deleted with those pages (a workspace's attachments, also below the messages of
   * each page of its conversations), where the database guards that deeper relation ({@link
   * #guardedByParent}). Deleted first by this node's keys (a workspace's attachments by their
   * workspace), they need not be looked up through the rows in between on every page below.
   */
  public List<Node> leavesFirst() {
    if (leavesFirst == null) {
      leavesFirst =
          cascades.stream()
              .filter(Node::isLeaf)
              .filter(leaf -> descendantsAndSelf().stream().anyMatch(d -> alsoBelow(leaf, d)))
              .toList();
    }
    return leavesFirst;
  }

  /**
   * Whether {@code deeper}, a node below this one, deletes {@code leaf}'s entity through its parent
   * (deleted with a page of the node above it, not this node's), guarded by that parent.
   */
  private boolean alsoBelow(Node leaf, Node deeper) {
    if (deeper == leaf
        || !deeper.entity.name().equals(leaf.entity.name())
        || !deeper.guardedByParent()) {
      return false;
    }
    Node between = deeper.parent.orElseThrow();
    return between != this && between.hasOnlyLeavesBelow() && between.parent.orElseThrow() != this;
  }

  /**
   * Where this node is in its tree, the same in every tree grown from the same data map: the
   * entities from the root down, each with the column of the relation it hangs by.
   */
  public String path() {
    if (path == null) {
      path =
          parent.map(p -> p.path() + " > ").orElse("")
              + entity.name()
              + via.map(r -> "." + r.column()).orElse("");
    }
    return path;
  }

  /** This node and every node below it, parents before children. */
  public List<Node> descendantsAndSelf() {
    List<Node> all = new ArrayList<>();
    collect(all);
    return all;
  }

  private void collect(List<Node> into) {
    into.add(this);
    cascades.forEach(c -> c.collect(into));
  }

  @Override
  public String toString() {
    return parent.map(p -> p + " > ").orElse("") + entity.name();
  }
}
