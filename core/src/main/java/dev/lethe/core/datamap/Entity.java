package dev.lethe.core.datamap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table of the host's database as the data map describes it.
 *
 * @param tenant the column holding the tenant (workspace) id, if the table is tenant-scoped
 * @param parents the references from this entity to its parents
 * @param files columns holding keys of files in the file store
 * @param personal other columns known to hold personal data (deleted with the row; declared so the
 *     coverage scan counts them as covered)
 */
public record Entity(
    String name,
    String table,
    String key,
    Optional<String> tenant,
    List<IdentityColumn> identities,
    List<Relation> parents,
    List<String> files,
    List<String> personal,
    Optional<Retained> retained,
    SourceLocation location) {
  public Entity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    tenant = tenant == null ? Optional.empty() : tenant;
    identities = List.copyOf(identities == null ? List.of() : identities);
    parents = List.copyOf(parents == null ? List.of() : parents);
    files = List.copyOf(files == null ? List.of() : files);
    personal = List.copyOf(personal == null ? List.of() : personal);
    retained = retained == null ? Optional.empty() : retained;
    location = location == null ? SourceLocation.UNKNOWN : location;
  }
}
