package dev.lethe.core.datamap;

import dev.lethe.core.identity.IdentityKind;
import java.util.Objects;

/**
 * A column holding an identifier of a person.
 *
 * @param normalized true when the host stores the value already normalized (lower-case e-mail,
 *     E.164 phone…), so an index can be used; false makes e-mail matches case-insensitive
 */
public record IdentityColumn(String column, IdentityKind kind, boolean normalized) {
  public IdentityColumn {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    if (kind == IdentityKind.IDS) {
      throw new IllegalArgumentException("'ids' is not a column kind: keys are the entity's key");
    }
  }
}
