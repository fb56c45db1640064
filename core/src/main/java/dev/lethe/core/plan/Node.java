package dev.lethe.core.plan;

import dev.lethe.core.datamap.OnDelete;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    for (Relation relation : bound.map().childrenOf(entity.name())) {
      BoundEntity child = bound.entity(relation.child());
      if (relation.onDelete() == OnDelete.CASCADE) {
        Node node = new Node(child, Optional.of(relation), Optional.of(this));
        node.grow(bound);
        cascades.add(node);
      } else {
        updates.add(new Edge(relation, child));
      }
    }
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
