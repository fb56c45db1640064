package dev.lethe.core.sql;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapException;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.datamap.SchemaValidator;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A data map validated against and bound to a live schema. */
public final class BoundMap {

  private final DataMap map;
  private final SchemaSnapshot schema;
  private final Map<String, BoundEntity> entities = new LinkedHashMap<>();
  private final KeyedTemplates templates = new KeyedTemplates();
  private final ChainTemplates reads = new ChainTemplates();
  private final Map<String, List<Relation>> children = new HashMap<>();

  private BoundMap(DataMap map, SchemaSnapshot schema) {
    this.map = map;
    this.schema = schema;
    for (Entity entity : map.entities().values()) {
      Table table =
          schema
              .table(entity.table())
              .orElseThrow(() -> new IllegalStateException("no table " + entity.table()));
      entities.put(entity.name(), new BoundEntity(entity, table));
    }
    map.relations()
        .forEach(r -> children.computeIfAbsent(r.parent(), p -> new ArrayList<>()).add(r));
    children.replaceAll((parent, relations) -> List.copyOf(relations));
  }

  /**
   * Validates {@code map} against {@code schema} and binds it.
   *
   * @throws DataMapException listing every mismatch
   */
  public static BoundMap bind(DataMap map, SchemaSnapshot schema) {
    SchemaValidator.requireValid(map, schema);
    return new BoundMap(map, schema);
  }

  public DataMap map() {
    return map;
  }

  public SchemaSnapshot schema() {
    return schema;
  }

  /** Statements rendered once per shape for this map and its database. */
  public KeyedTemplates templates() {
    return templates;
  }

  /**
   * The relations whose parent is {@code parent}, in declaration order ({@link
   * DataMap#childrenOf}), looked up once: a plan's tree is grown for every request.
   */
  public List<Relation> childrenOf(String parent) {
    return children.getOrDefault(parent, List.of());
  }

  /** Reads rendered once per shape for this map and its database (PostgreSQL). */
  public ChainTemplates reads() {
    return reads;
  }

  public BoundEntity entity(String name) {
    BoundEntity entity = entities.get(name);
    if (entity == null) {
      throw new IllegalArgumentException("no entity named '" + name + "' in the data map");
    }
    return entity;
  }
}
