package dev.lethe.server;

import dev.lethe.platform.ReferencePlatform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** Every row of every table of the reference platform, as text, by table and id. */
record HostRows(Map<String, Table> tables) {

  /** One table's column names and its rows' values in that order, by id. */
  record Table(List<String> columns, Map<String, List<String>> rows) {}

  static HostRows of(DataSource host) {
    Map<String, Table> tables = new LinkedHashMap<>();
    try (Connection connection = host.getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : ReferencePlatform.TABLES) {
        try (ResultSet rows = statement.executeQuery("select * from " + table + " order by id")) {
          tables.put(table, read(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the host", e);
    }
    return new HostRows(tables);
  }

  private static Table read(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      columns.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
    }
    int id = columns.indexOf("id");
    Map<String, List<String>> byId = new LinkedHashMap<>();
    while (rows.next()) {
      List<String> values = new ArrayList<>(columns.size());
      for (int c = 1; c <= columns.size(); c++) {
        values.add(rows.getString(c));
      }
      byId.put(values.get(id), values);
    }
    return new Table(columns, byId);
  }

  /** These rows, less the rows {@code deleted} names, with {@code nulled}'s columns set null. */
  HostRows without(Map<String, Set<String>> deleted, Map<String, Nulled> nulled) {
    Map<String, Table> expected = new LinkedHashMap<>();
    tables.forEach(
        (name, table) -> {
          Map<String, List<String>> rows = new HashMap<>(table.rows());
          deleted.getOrDefault(name, Set.of()).forEach(rows::remove);
          Nulled rewrite = nulled.get(name);
          if (rewrite != null) {
            for (String id : rewrite.ids()) {
              List<String> values = new ArrayList<>(rows.get(id));
              rewrite.columns().forEach(c -> values.set(table.columns().indexOf(c), null));
              rows.put(id, values);
            }
          }
          expected.put(name, new Table(table.columns(), rows));
        });
    return new HostRows(expected);
  }

  /** Rows of {@code ids} whose {@code columns} are rewritten to null. */
  record Nulled(Set<String> ids, List<String> columns) {}

  /** What differs from {@code actual}, at most {@code limit} lines; empty when nothing does. */
  List<String> differencesFrom(HostRows actual, int limit) {
    List<String> out = new ArrayList<>();
    for (String name : tables.keySet()) {
      Map<String, List<String>> want = tables.get(name).rows();
      Map<String, List<String>> got = actual.tables().get(name).rows();
      for (var row : want.entrySet()) {
        List<String> found = got.get(row.getKey());
        if (!row.getValue().equals(found)) {
          out.add(name + " " + row.getKey() + ": expected " + row.getValue() + ", found " + found);
        }
      }
      got.keySet().stream()
          .filter(id -> !want.containsKey(id))
          .forEach(id -> out.add(name + " " + id + ": unexpected " + got.get(id)));
      if (out.size() >= limit) {
        return out.subList(0, limit);
      }
    }
    return out;
  }
}
