package dev.lethe.core.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every row of the given tables, as text keyed by table and id: what "byte-for-byte unchanged" is
 * checked against.
 */
public final class TableSnapshot {

  public final Map<String, Map<Long, Map<String, String>>> tables = new LinkedHashMap<>();

  public static TableSnapshot take(DataSource dataSource, List<String> names) throws SQLException {
    TableSnapshot snapshot = new TableSnapshot();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : names) {
        Map<Long, Map<String, String>> rows = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              Object value = rs.getObject(i);
              row.put(
                  meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
                  value == null ? null : value.toString());
            }
            rows.put(rs.getLong("id"), row);
          }
        }
        snapshot.tables.put(table, rows);
      }
    }
    return snapshot;
  }

  public Map<Long, Map<String, String>> rows(String table) {
    return tables.get(table);
  }

  /** Rows of {@code table} that differ from {@code before} (deleted or changed), by id. */
  List<Long> changedSince(TableSnapshot before, String table) {
    List<Long> changed = new ArrayList<>();
    before
        .rows(table)
        .forEach(
            (id, row) -> {
              if (!row.equals(rows(table).get(id))) {
                changed.add(id);
              }
            });
    return changed;
  }

  List<Long> deletedSince(TableSnapshot before, String table) {
    List<Long> deleted = new ArrayList<>();
    before
        .rows(table)
        .keySet()
        .forEach(
            id -> {
              if (!rows(table).containsKey(id)) {
                deleted.add(id);
              }
            });
    return deleted;
  }
}
