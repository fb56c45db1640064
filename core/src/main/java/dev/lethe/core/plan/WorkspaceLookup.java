package dev.lethe.core.plan;

import dev.lethe.core.datamap.Entity;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Finds workspaces in the host's database by a column of the data map's workspace entity: the one
 * whose tenant column is its own key. This is how a business a person names on a public form
 * becomes the workspace a request needs, and how a workspace nobody has is told apart before a
 * request is taken that would find nothing.
 */
public final class WorkspaceLookup {

  private final DSLContext dsl;
  private final Optional<BoundEntity> workspaces;

  public WorkspaceLookup(DSLContext dsl, BoundMap bound) {
    this.dsl = dsl;
    this.workspaces =
        bound.map().entities().values().stream()
            .filter(e -> e.tenant().filter(t -> t.equalsIgnoreCase(e.key())).isPresent())
            .map(Entity::name)
            .findFirst()
            .map(bound::entity);
  }

  /** The workspace entity's name, when the data map has one. */
  public Optional<String> entity() {
    return workspaces.map(BoundEntity::name);
  }

  /**
   * @throws IllegalArgumentException when the data map has no workspace entity, or its table has no
   *     such column
   */
  public void requireColumn(String column) {
    BoundEntity entity =
        workspaces.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the data map has no workspace entity (one whose tenant column is its key)"));
    try {
      entity.liveColumn(column);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "the workspace entity '" + entity.name() + "' has no column '" + column + "'");
    }
  }

  /**
   * Keys of the workspaces whose {@code column} equals {@code value} (ignoring case and the spaces
   * around it), or whose key does when no column is given; at most {@code limit} of them, so a
   * caller can tell one match from several.
   */
  public List<String> find(Optional<String> column, String value, int limit) {
    if (workspaces.isEmpty() || value == null || value.isBlank()) {
      return List.of();
    }
    BoundEntity entity = workspaces.get();
    String typed = value.strip();
    Condition where;
    if (column.isPresent()) {
      requireColumn(column.get());
      where = DSL.lower(entity.text(column.get())).eq(typed.toLowerCase(Locale.ROOT));
    } else {
      try {
        where = entity.key().eq(entity.keyFromText(typed));
      } catch (IllegalArgumentException e) {
        return List.of();
      }
    }
    return dsl.select(entity.key()).from(entity.table()).where(where).limit(limit).fetch().stream()
        .map(r -> String.valueOf(r.value1()))
        .toList();
  }
}
