package dev.lethe.core.property;

import dev.lethe.core.property.Platform.Strategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every row of the platform's tables as text, by table and id: what "unchanged" and "as expected"
 * are checked against.
 */
record Snapshot(Map<String, TreeMap<Long, Map<String, String>>> tables) {

  static Snapshot take(DataSource dataSource, List<String> names) throws SQLException {
    Map<String, TreeMap<Long, Map<String, String>>> tables = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : names) {
        TreeMap<Long, Map<String, String>> rows = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            Map<String, String> row = new TreeMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
            }
            rows.put(rs.getLong("id"), row);
          }
        }
        tables.put(table, rows);
      }
    }
    return new Snapshot(tables);
  }

  /** This snapshot with the expected deletions and rewrites applied. */
  Snapshot after(Oracle.Expectation expected, String salt) {
    Map<String, TreeMap<Long, Map<String, String>>> after = new LinkedHashMap<>();
    tables.forEach(
        (table, rows) -> {
          TreeMap<Long, Map<String, String>> copy = new TreeMap<>();
          rows.forEach((id, row) -> copy.put(id, new TreeMap<>(row)));
          expected.deleted().get(table).forEach(copy::remove);
          expected
              .rewrites()
              .get(table)
              .forEach(
                  (id, columns) ->
                      columns.forEach(
                          (column, how) -> {
                            Map<String, String> row = copy.get(id);
                            row.put(column, value(how, row.get(column), salt));
                          }));
          after.put(table, copy);
        });
    return new Snapshot(after);
  }

  private static String value(Strategy how, String old, String salt) {
    return switch (how) {
      case NULL -> null;
      case TEXT -> Strategy.FIXED_TEXT;
      case HASH -> old == null ? null : sha256(salt + old);
    };
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where two snapshots differ, one line per row (the first dozen), for assertion messages. */
  List<String> differencesFrom(Snapshot expected) {
    List<String> lines = new java.util.ArrayList<>();
    expected.tables.forEach(
        (table, rows) -> {
          var actual = tables.get(table);
          rows.forEach(
              (id, row) -> {
                if (!row.equals(actual.get(id))) {
                  lines.add(table + "#" + id + " expected " + row + " but was " + actual.get(id));
                }
              });
          actual.keySet().stream()
              .filter(id -> !rows.containsKey(id))
              .forEach(id -> lines.add(table + "#" + id + " should be gone"));
        });
    return lines.size() > 12 ? lines.subList(0, 12) : lines;
  }
}
