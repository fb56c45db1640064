package dev.lethe.core.datamap;

import java.util.List;
import java.util.Objects;

/**
 * A named kind of deletion: which root rows a request selects and, through the relations, all that
 * hangs below them.
 *
 * @param tenantBound true when a request must name the workspace, and roots are looked up only
 *     inside it
 */
public record Scope(
    String name,
    String description,
    boolean tenantBound,
    List<ScopeRoot> roots,
    SourceLocation location) {
  public Scope {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    roots = List.copyOf(roots);
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("a scope needs at least one root");
    }
    location = location == null ? SourceLocation.UNKNOWN : location;
  }
}
