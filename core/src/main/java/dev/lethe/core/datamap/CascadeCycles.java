package dev.lethe.core.datamap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cycles made only of {@code cascade} relations. Such a cycle has no order to delete in: each
 * table waits for the next. A cycle with a {@code detach}, {@code anonymize} or {@code retain} edge
 * is fine, because that edge is cut by an update first.
 */
final class CascadeCycles {

  private enum Visit {
    IN_PROGRESS,
    DONE
  }

  private final Map<String, List<Relation>> cascadesFrom = new LinkedHashMap<>();
  private final Map<String, Visit> visits = new HashMap<>();
  private final List<Relation> path = new ArrayList<>();
  private final List<List<Relation>> cycles = new ArrayList<>();

  private CascadeCycles(DataMap map) {
    map.entities().keySet().forEach(name -> cascadesFrom.put(name, new ArrayList<>()));
    map.relations()
        .filter(r -> r.onDelete() == OnDelete.CASCADE)
        .forEach(r -> cascadesFrom.computeIfAbsent(r.parent(), p -> new ArrayList<>()).add(r));
  }

  /**
   * Each cycle as its relations in deletion order: the first relation's parent is the last one's
   * child. One cycle is reported per relation that closes one during a depth-first walk.
   */
  static List<List<Relation>> in(DataMap map) {
    CascadeCycles search = new CascadeCycles(map);
    for (String entity : search.cascadesFrom.keySet()) {
      if (!search.visits.containsKey(entity)) {
        search.walk(entity);
      }
    }
    return search.cycles;
  }

  private void walk(String entity) {
    visits.put(entity, Visit.IN_PROGRESS);
    for (Relation relation : cascadesFrom.getOrDefault(entity, List.of())) {
      Visit visit = visits.get(relation.child());
      if (visit == Visit.IN_PROGRESS) {
        cycles.add(cycleClosedBy(relation));
      } else if (visit == null) {
        path.add(relation);
        walk(relation.child());
        path.remove(path.size() - 1);
      }
    }
    visits.put(entity, Visit.DONE);
  }

  private List<Relation> cycleClosedBy(Relation closing) {
    int start = 0;
    while (start < path.size() && !path.get(start).parent().equals(closing.child())) {
      start++;
    }
    List<Relation> cycle = new ArrayList<>(path.subList(start, path.size()));
    cycle.add(closing);
    return cycle;
  }

  /** {@code a → b → a}. */
  static String describe(List<Relation> cycle) {
    StringBuilder text = new StringBuilder(cycle.get(0).parent());
    cycle.forEach(r -> text.append(" → ").append(r.child()));
    return text.toString();
  }
}
