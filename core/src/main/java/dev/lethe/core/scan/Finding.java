package dev.lethe.core.scan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One gap between the live schema and the data map.
 *
 * @param table the table the finding is about (for a relation, the referencing table)
 * @param columns the columns concerned: the personal-looking columns of an unmapped table, the
 *     uncovered column, the referencing column (type column first for a polymorphic pair), the
 *     unindexed column
 * @param target for a relation, the table it probably leads to
 * @param message what is wrong, naming only tables and columns (never data)
 * @param hint what to change in the data map or the schema
 */
public record Finding(
    Kind kind,
    String table,
    List<String> columns,
    Optional<String> target,
    String message,
    Optional<String> hint) {

  /** The kinds of gap, in the order reports list them. */
  public enum Kind {
    /** A table the data map does not mention. */
    UNMAPPED_TABLE("Unmapped tables"),
    /** A personal-looking column of a mapped table that the map accounts for nowhere. */
    UNCOVERED_PERSONAL_COLUMN("Uncovered personal columns"),
    /** A reference from or into a mapped table that the map does not declare as a relation. */
    UNDECLARED_RELATION("Undeclared relations"),
    /** An identity or relation column Lethe looks rows up by, with no index to do it with. */
    MISSING_INDEX("Missing indexes");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    /** The heading reports use for findings of this kind. */
    public String title() {
      return title;
    }
  }

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(message, "message");
    columns = List.copyOf(columns == null ? List.of() : columns);
    target = target == null ? Optional.empty() : target;
    hint = hint == null ? Optional.empty() : hint;
  }

  /** Where the finding is, as {@code table}, {@code table.column} or {@code table.(a, b)}. */
  public String location() {
    if (kind == Kind.UNMAPPED_TABLE || columns.isEmpty()) {
      return table;
    }
    if (columns.size() == 1) {
      return table + "." + columns.get(0);
    }
    return table + ".(" + String.join(", ", columns) + ")";
  }
}
