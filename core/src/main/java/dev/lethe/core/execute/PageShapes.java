package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.sql.BoundEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import org.jooq.Condition;

/**
 * What {@link PageWalker}'s reads and page statements are named by, so that each shape is rendered
 * once and bound with each page's values: the rows below a page, named by the node's path and
 * whether the page has one key or more, and the page's own shape.
 */
final class PageShapes {

  private PageShapes() {}

  /**
   * The rows of {@code node} below a page of its parent's {@code keys}, their reads named by the
   * node's path and whether there is one key (bound as a value) or more (one array); under holds,
   * whose conditions carry values of their own, unnamed.
   */
  static KeyPages.Rows below(Run run, Node node, List<Object> keys) {
    return below(
        run, node.entity(), List.of(node.path()), keys, k -> run.selector().below(node, k));
  }

  /** The rows an update {@code edge} gives a page of {@code keys}, as {@link #below} names them. */
  static KeyPages.Rows below(Run run, Node.Edge edge, List<Object> keys) {
    return below(
        run,
        edge.child(),
        List.of("edge", edge.child().name(), edge.relation().column()),
        keys,
        k -> run.selector().below(edge, k));
  }

  /**
   * The rows of {@code entity} that {@code rows} selects for {@code keys}, read as {@code name}.
   */
  private static KeyPages.Rows below(
      Run run,
      BoundEntity entity,
      List<Object> name,
      List<Object> keys,
      Function<List<?>, Condition> rows) {
    if (run.selector().held().any()) {
      return KeyPages.Rows.of(entity, rows.apply(keys));
    }
    List<Object> shape = new ArrayList<>(name);
    shape.add(keys.size() == 1);
    return KeyPages.Rows.shaped(
        entity, shape, List.of(keys), v -> rows.apply((List<?>) v.getFirst()));
  }

  /**
   * What the statements of a page of {@code node} with {@code joined} depend on besides the run id
   * and the keys: the nodes (by their paths), whether each has one key or more (one is bound as a
   * value, more as an array), {@code full}, the nodes whose leaves are deleted first, and whether
   * the page closes the run (then its recount follows its statements). Null under holds, whose
   * conditions hold values of their own.
   */
  static Object shape(
      Run run,
      List<PageWalker.ChildPage> joined,
      Node node,
      List<Object> keys,
      boolean full,
      boolean closes) {
    if (run.tree().guardHeldChildren() || run.selector().held().any()) {
      return null;
    }
    List<Object> shape = new ArrayList<>();
    shape.add(full);
    shape.add(closes);
    for (PageWalker.ChildPage page : joined) {
      shape.add(page.node().path());
      shape.add(page.keys().size() == 1);
    }
    shape.add(node.path());
    shape.add(keys.size() == 1);
    shape.add(new TreeSet<>(run.tree().leavesDeleted().stream().map(Node::path).toList()));
    return shape;
  }
}
