package dev.lethe.core.datamap;

import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of {@code entity} whose {@code column} is older than {@code maxAge} are deleted, or
 * anonymized with {@code set}.
 */
public record RetentionRule(
    String name,
    String entity,
    String column,
    Period maxAge,
    Action action,
    Map<String, Anonymization> set,
    SourceLocation location) {

  public enum Action {
    DELETE,
    ANONYMIZE
  }

  public RetentionRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(action, "action");
    set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    location = location == null ? SourceLocation.UNKNOWN : location;
  }
}
