package dev.lethe.core.plan;

import dev.lethe.core.datamap.ScopeRoot;
import java.util.List;

/**
 * The rows one root of a scope selected, and the deletion tree below them.
 *
 * @param index the root's position in the scope
 * @param keys the selected root rows' keys, in the key column's Java type
 */
public record RootSet(int index, ScopeRoot root, Node tree, List<Object> keys) {
  public RootSet {
    keys = List.copyOf(keys);
  }

  public boolean anonymizesRoots() {
    return root.action() == dev.lethe.core.datamap.OnDelete.ANONYMIZE;
  }
}
