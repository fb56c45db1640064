package dev.lethe.server.instructions;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.OnDelete;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.datamap.Scope;
import dev.lethe.core.datamap.ScopeRoot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scope does to each entity, worked out from the data map alone, the way the planner walks
 * it: roots deleted (or anonymized), then along each relation from a deleted row — cascade deletes
 * the children, detach keeps them without the link, anonymize rewrites columns and keeps them,
 * retain keeps them by law. So the instructions list exactly what a request of that scope does.
 *
 * @param deleted entities whose rows go, in the data map's order
 * @param anonymized entities whose rows stay with these columns rewritten, and that the scope does
 *     not delete elsewhere
 * @param anonymizedWhereKept entities the scope deletes, but whose rows it reaches along another
 *     relation too (in a workspace the person does not own, say) and keeps with these columns
 *     rewritten
 * @param unlinked entities whose rows stay, only their link to the deleted rows removed, and that
 *     the scope does not delete elsewhere
 * @param retained legally retained entities whose rows stay, anonymized, for their period
 */
record ScopeReach(
    List<String> deleted,
    Map<String, List<String>> anonymized,
    Map<String, List<String>> anonymizedWhereKept,
    List<String> unlinked,
    List<String> retained) {

  static ScopeReach of(DataMap map, Scope scope) {
    Set<String> deleted = new LinkedHashSet<>();
    Map<String, Set<String>> anonymized = new LinkedHashMap<>();
    Set<String> unlinked = new LinkedHashSet<>();
    Set<String> retained = new LinkedHashSet<>();
    Deque<String> walk = new ArrayDeque<>();
    for (ScopeRoot root : scope.roots()) {
      if (root.action() == OnDelete.ANONYMIZE) {
        anonymized
            .computeIfAbsent(root.entity(), e -> new LinkedHashSet<>())
            .addAll(root.set().keySet());
      } else if (deleted.add(root.entity())) {
        walk.add(root.entity());
      }
    }
    while (!walk.isEmpty()) {
      String parent = walk.removeFirst();
      for (Relation relation : map.childrenOf(parent)) {
        String child = relation.child();
        switch (relation.onDelete()) {
          case CASCADE -> {
            if (deleted.add(child)) {
              walk.add(child);
            }
          }
          case DETACH -> unlinked.add(child);
          case ANONYMIZE ->
              anonymized
                  .computeIfAbsent(child, e -> new LinkedHashSet<>())
                  .addAll(relation.set().keySet());
          case RETAIN -> retained.add(child);
        }
      }
    }
    unlinked.removeAll(deleted);
    retained.removeAll(deleted);
    Map<String, List<String>> rewritten = new LinkedHashMap<>();
    Map<String, List<String>> rewrittenWhereKept = new LinkedHashMap<>();
    anonymized.forEach(
        (entity, columns) ->
            (deleted.contains(entity) ? rewrittenWhereKept : rewritten)
                .put(entity, List.copyOf(columns)));
    return new ScopeReach(
        inMapOrder(map, deleted),
        rewritten,
        rewrittenWhereKept,
        inMapOrder(map, unlinked),
        inMapOrder(map, retained));
  }

  private static List<String> inMapOrder(DataMap map, Set<String> entities) {
    List<String> ordered = new ArrayList<>();
    for (String name : map.entities().keySet()) {
      if (entities.contains(name)) {
        ordered.add(name);
      }
    }
    return List.copyOf(ordered);
  }
}
