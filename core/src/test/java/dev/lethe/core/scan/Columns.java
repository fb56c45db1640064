package dev.lethe.core.scan;

import dev.lethe.core.schema.Column;
import dev.lethe.core.schema.ForeignKey;
import dev.lethe.core.schema.Table;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

/** Hand-built columns and tables for tests that need no database. */
final class Columns {

  private Columns() {}

  /** A column of a short type name: text, json, bigint, uuid, boolean, timestamp, date. */
  static Column column(String name, String type) {
    return switch (type) {
      case "text" -> new Column(name, Types.VARCHAR, "varchar", true);
      case "json" -> new Column(name, Types.OTHER, "jsonb", true);
      case "bigint" -> new Column(name, Types.BIGINT, "int8", true);
      case "uuid" -> new Column(name, Types.OTHER, "uuid", true);
      case "boolean" -> new Column(name, Types.BIT, "bool", true);
      case "timestamp" -> new Column(name, Types.TIMESTAMP, "timestamp", true);
      case "date" -> new Column(name, Types.DATE, "date", true);
      default -> throw new IllegalArgumentException(type);
    };
  }

  /** A table with a bigint {@code id} primary key and the given {@code name:type} columns. */
  static Table table(String name, String... columns) {
    return table(name, List.of(), columns);
  }

  static Table table(String name, List<ForeignKey> foreignKeys, String... columns) {
    List<Column> all =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(column("id", "bigint")),
                Arrays.stream(columns).map(c -> column(c.split(":")[0], c.split(":")[1])))
            .toList();
    return new Table(name, all, List.of("id"), foreignKeys, List.of());
  }
}
