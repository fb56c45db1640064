package dev.lethe.core.datamap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reference from a child entity's column to a parent entity's key, and what deleting the parent
 * does along it.
 *
 * @param set the columns an {@link OnDelete#ANONYMIZE} relation rewrites (empty otherwise)
 */
public record Relation(
    String child,
    String column,
    String parent,
    OnDelete onDelete,
    Map<String, Anonymization> set,
    SourceLocation location) {
  public Relation {
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(onDelete, "onDelete");
    set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    location = location == null ? SourceLocation.UNKNOWN : location;
  }
}
