package dev.lethe.core.datamap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole description of a host's stores: entities, their relations, retention rules and scopes.
 * Built by {@link DataMapLoader}; immutable.
 *
 * @param fingerprint SHA-256 (hex) of the map's source text, quoted on receipts
 * @param phoneRegion ISO region used to read phone numbers written without a country code
 */
public record DataMap(
    String name,
    Map<String, Entity> entities,
    List<RetentionRule> retention,
    Map<String, Scope> scopes,
    String phoneRegion,
    String fingerprint) {

  public DataMap {
    entities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    retention = List.copyOf(retention);
    scopes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
    phoneRegion = phoneRegion == null ? "US" : phoneRegion;
  }

  public Entity entity(String name) {
    Entity entity = entities.get(name);
    if (entity == null) {
      throw new IllegalArgumentException("no entity named '" + name + "' in the data map");
    }
    return entity;
  }

  public Optional<Scope> scope(String name) {
    return Optional.ofNullable(scopes.get(name));
  }

  /** Relations whose parent is {@code parent}, in declaration order. */
  public List<Relation> childrenOf(String parent) {
    return relations().filter(r -> r.parent().equals(parent)).toList();
  }

  public Stream<Relation> relations() {
    return entities.values().stream().flatMap(e -> e.parents().stream());
  }
}
