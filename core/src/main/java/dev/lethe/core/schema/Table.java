package dev.lethe.core.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A live table: its columns, primary key, declared foreign keys and the leading columns of its
 * indexes.
 */
public record Table(
    String name,
    List<Column> columns,
    List<String> primaryKey,
    List<ForeignKey> foreignKeys,
    List<List<String>> indexes) {

  public Table {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
    indexes = indexes.stream().map(List::copyOf).toList();
  }

  /** The column named {@code name}, compared without regard to case. */
  public Optional<Column> column(String name) {
    for (Column column : columns) {
      if (column.name().equalsIgnoreCase(name)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  /** True when some index (or the primary key) starts with {@code column}. */
  public boolean hasIndexLeadingWith(String column) {
    String wanted = column.toLowerCase(Locale.ROOT);
    if (!primaryKey.isEmpty() && primaryKey.get(0).toLowerCase(Locale.ROOT).equals(wanted)) {
      return true;
    }
    return indexes.stream()
        .anyMatch(ix -> !ix.isEmpty() && ix.get(0).toLowerCase(Locale.ROOT).equals(wanted));
  }
}
