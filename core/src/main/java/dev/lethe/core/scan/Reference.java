package dev.lethe.core.scan;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference from {@code table.column} to another table, declared or guessed.
 *
 * @param target the referenced table; empty for a polymorphic reference, whose target is in data
 * @param typeColumn for a polymorphic reference, the column naming the referenced table
 */
record Reference(
    String table,
    String column,
    Optional<String> target,
    Basis basis,
    Optional<String> typeColumn) {

  /** Why the scan believes the reference exists. */
  enum Basis {
    DECLARED_FOREIGN_KEY("declared foreign key"),
    NAMED_LIKE_TABLE("named after the table, no foreign key declared"),
    PERSON_ROLE("named like a person's role, no foreign key declared"),
    POLYMORPHIC("polymorphic: the type column names the table");

    private final String description;

    Basis(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  Reference {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(basis, "basis");
    target = target == null ? Optional.empty() : target;
    typeColumn = typeColumn == null ? Optional.empty() : typeColumn;
    if (basis == Basis.POLYMORPHIC ? typeColumn.isEmpty() : target.isEmpty()) {
      throw new IllegalArgumentException(
          "a polymorphic reference has a type column, others a target");
    }
  }

  static Reference to(String table, String column, String target, Basis basis) {
    return new Reference(table, column, Optional.of(target), basis, Optional.empty());
  }

  static Reference polymorphic(String table, String column, String typeColumn) {
    return new Reference(
        table, column, Optional.empty(), Basis.POLYMORPHIC, Optional.of(typeColumn));
  }

  boolean isPolymorphic() {
    return basis == Basis.POLYMORPHIC;
  }
}
