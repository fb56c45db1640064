package dev.lethe.core.scan;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.datamap.IdentityColumn;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.datamap.ScopeRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data map seen table by table: which tables it maps, which columns it accounts for, which
 * references it declares. Table and column names are compared without regard to case.
 */
final class MappedTables {

  private final Map<String, List<Entity>> entitiesByTable = new HashMap<>();
  private final Map<String, Set<String>> covered = new HashMap<>();
  private final Set<String> relations = new HashSet<>();

  MappedTables(DataMap map) {
    for (Entity entity : map.entities().values()) {
      entitiesByTable.computeIfAbsent(lower(entity.table()), t -> new ArrayList<>()).add(entity);
      Set<String> columns = covered.computeIfAbsent(lower(entity.table()), t -> new HashSet<>());
      columns.add(lower(entity.key()));
      entity.tenant().ifPresent(t -> columns.add(lower(t)));
      entity.identities().stream().map(IdentityColumn::column).forEach(c -> columns.add(lower(c)));
      entity.files().forEach(c -> columns.add(lower(c)));
      entity.personal().forEach(c -> columns.add(lower(c)));
      for (Relation relation : entity.parents()) {
        columns.add(lower(relation.column()));
        relation.set().keySet().forEach(c -> columns.add(lower(c)));
        relations.add(lower(entity.table()) + "." + lower(relation.column()));
      }
      entity
          .retained()
          .ifPresent(
              r -> {
                columns.add(lower(r.since()));
                r.anonymize().keySet().forEach(c -> columns.add(lower(c)));
              });
    }
    for (RetentionRule rule : map.retention()) {
      coverAll(map, rule.entity(), rule.set().keySet());
    }
    map.scopes().values().stream()
        .flatMap(s -> s.roots().stream())
        .forEach(root -> coverAll(map, root.entity(), anonymized(root)));
  }

  private static Set<String> anonymized(ScopeRoot root) {
    return root.set().keySet();
  }

  private void coverAll(DataMap map, String entityName, Set<String> columns) {
    Entity entity = map.entities().get(entityName);
    if (entity != null) {
      Set<String> set = covered.computeIfAbsent(lower(entity.table()), t -> new HashSet<>());
      columns.forEach(c -> set.add(lower(c)));
    }
  }

  boolean isMapped(String table) {
    return entitiesByTable.containsKey(lower(table));
  }

  /** The entity mapping {@code table} (the first one, if several do). */
  Optional<Entity> entityOf(String table) {
    return Optional.ofNullable(entitiesByTable.get(lower(table))).map(list -> list.get(0));
  }

  boolean covers(String table, String column) {
    return covered.getOrDefault(lower(table), Set.of()).contains(lower(column));
  }

  boolean declaresRelation(String table, String column) {
    return relations.contains(lower(table) + "." + lower(column));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
