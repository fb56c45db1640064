package dev.lethe.core.scan;

import dev.lethe.core.schema.Column;
import java.sql.Types;

/** Type questions the scan asks of a column, beyond those {@link Column} answers. */
final class ColumnTypes {

  private ColumnTypes() {}

  static boolean isTextOrBinary(Column column) {
    return column.isText()
        || switch (column.jdbcType()) {
          case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> true;
          default -> isNamed(column, "bytea", "inet", "citext");
        };
  }

  static boolean isBoolean(Column column) {
    return column.jdbcType() == Types.BOOLEAN
        || column.jdbcType() == Types.BIT
        || isNamed(column, "bool", "boolean");
  }

  static boolean isTemporal(Column column) {
    return switch (column.jdbcType()) {
      case Types.DATE,
          Types.TIME,
          Types.TIMESTAMP,
          Types.TIME_WITH_TIMEZONE,
          Types.TIMESTAMP_WITH_TIMEZONE ->
          true;
      default -> false;
    };
  }

  /**
   * True when values of the two columns could be equal: integers match integers, everything else
   * (text, UUID) matches everything else.
   */
  static boolean comparable(Column a, Column b) {
    return a.isIntegral() == b.isIntegral();
  }

  private static boolean isNamed(Column column, String... names) {
    if (column.typeName() == null) {
      return false;
    }
    for (String name : names) {
      if (column.typeName().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
