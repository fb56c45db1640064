package dev.lethe.bench.engine;

import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Row counts and checksums of the reference platform's tables, to tell whether two databases hold
 * the same rows: per table the number of rows and the sum of a hash of each row's columns.
 */
record Fingerprint(Map<String, Sum> tables) {

  record Sum(long rows, long checksum) {}

  /** Every row of every platform table. */
  static Fingerprint all(Connection connection, Vendor vendor) throws SQLException {
    return of(connection, vendor, table -> null, Map.of());
  }

  /** The rows that belong to no subject: {@code owner IS NOT NULL AND owner NOT IN subjects}. */
  static Fingerprint outside(
      Connection connection, Vendor vendor, ErasureSql sql, Collection<Long> subjects)
      throws SQLException {
    String list = subjects.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return of(
        connection,
        vendor,
        table -> {
          String owner = sql.owners().get(table);
          return owner == null || owner.equals("0")
              ? null
              : owner + " IS NOT NULL AND " + owner + " NOT IN (" + list + ")";
        },
        sql.ignoredColumns());
  }

  /** How many rows still belong to a subject, per table (tables with none left out). */
  static Map<String, Long> inside(Connection connection, ErasureSql sql, Collection<Long> subjects)
      throws SQLException {
    String list = subjects.stream().map(String::valueOf).collect(Collectors.joining(", "));
    Map<String, Long> left = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> owner : sql.owners().entrySet()) {
        if (owner.getValue().equals("0")) {
          continue;
        }
        try (ResultSet rs =
            statement.executeQuery(
                "SELECT COUNT(*) FROM "
                    + owner.getKey()
                    + " t WHERE "
                    + owner.getValue()
                    + " IN ("
                    + list
                    + ")")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            left.put(owner.getKey(), rs.getLong(1));
          }
        }
      }
    }
    return left;
  }

  /** How many rows the platform's tables hold. */
  static long rows(Connection connection) throws SQLException {
    long rows = 0;
    try (Statement statement = connection.createStatement()) {
      for (String table : ReferencePlatform.TABLES) {
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }

  long rows() {
    return tables.values().stream().mapToLong(Sum::rows).sum();
  }

  /** The tables whose rows differ from {@code other}'s. */
  List<String> differences(Fingerprint other) {
    List<String> differ = new ArrayList<>();
    tables.forEach(
        (table, sum) -> {
          if (!sum.equals(other.tables.get(table))) {
            differ.add(table);
          }
        });
    return differ;
  }

  private interface Filter {
    String where(String table);
  }

  private static Fingerprint of(
      Connection connection, Vendor vendor, Filter filter, Map<String, List<String>> ignored)
      throws SQLException {
    Map<String, Sum> sums = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : ReferencePlatform.TABLES) {
        List<String> columns = columns(statement, table);
        columns.removeAll(ignored.getOrDefault(table, List.of()));
        String text =
            columns.stream().map(c -> asText(vendor, c)).collect(Collectors.joining(", "));
        String hash =
            vendor == Vendor.POSTGRESQL
                ? "hashtext(CONCAT_WS('|', " + text + "))::bigint"
                : "CRC32(CONCAT_WS('|', " + text + "))";
        String where = filter.where(table);
        try (ResultSet rs =
            statement.executeQuery(
                "SELECT COUNT(*), COALESCE(SUM("
                    + hash
                    + "), 0) FROM "
                    + table
                    + " t"
                    + (where == null ? "" : " WHERE " + where))) {
          rs.next();
          sums.put(table, new Sum(rs.getLong(1), rs.getLong(2)));
        }
      }
    }
    return new Fingerprint(sums);
  }

  private static String asText(Vendor vendor, String column) {
    String cast = vendor == Vendor.POSTGRESQL ? "TEXT" : "CHAR";
    return "COALESCE(CAST(t." + column + " AS " + cast + "), '~')";
  }

  private static List<String> columns(Statement statement, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
      }
    }
    return columns;
  }
}
