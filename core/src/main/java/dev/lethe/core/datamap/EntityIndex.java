package dev.lethe.core.datamap;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities of a map being loaded: every name declared under {@code entities:}, and those that
 * bound without problems. References are checked against the declared names, so an entity with a
 * mistake in its body does not also make every reference to it an error.
 */
final class EntityIndex {

  private final YamlNodes yaml;
  private final Set<String> declared;
  private final Map<String, Entity> bound;

  EntityIndex(YamlNodes yaml, Set<String> declared, Map<String, Entity> bound) {
    this.yaml = yaml;
    this.declared = Set.copyOf(declared);
    this.bound = bound;
  }

  /** True when {@code name} is declared; otherwise reports the reference at {@code location}. */
  boolean isDeclared(String name, SourceLocation location, String what) {
    if (declared.contains(name)) {
      return true;
    }
    yaml.report(location, what + ": entity '" + name + "' is not declared under 'entities'");
    return false;
  }

  Optional<Entity> bound(String name) {
    return Optional.ofNullable(bound.get(name));
  }

  Map<String, Entity> all() {
    return bound;
  }
}
