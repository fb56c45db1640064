package dev.lethe.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC reads for assertions, with bind parameters. */
public final class Sql {

  private Sql() {}

  public static long count(DataSource dataSource, String sql, Object... parameters) {
    return Long.parseLong(strings(dataSource, sql, parameters).getFirst());
  }

  /** The first column of every row, as text. */
  public static List<String> strings(DataSource dataSource, String sql, Object... parameters) {
    return rows(dataSource, sql, parameters).stream().map(List::getFirst).toList();
  }

  /** Every row, each as its columns' values (numbers as numbers: bind them back as they are). */
  public static List<List<Object>> values(DataSource dataSource, String sql, Object... parameters) {
    return query(dataSource, sql, parameters, ResultSet::getObject);
  }

  /** The first row's values; fails when there is none. */
  public static List<Object> firstValues(DataSource dataSource, String sql, Object... parameters) {
    List<List<Object>> rows = values(dataSource, sql, parameters);
    if (rows.isEmpty()) {
      throw new AssertionError("no row for " + sql);
    }
    return rows.getFirst();
  }

  /** Every row, each as its columns' text. */
  public static List<List<String>> rows(DataSource dataSource, String sql, Object... parameters) {
    return query(dataSource, sql, parameters, ResultSet::getString);
  }

  private interface Column<T> {
    T read(ResultSet rows, int column) throws SQLException;
  }

  private static <T> List<List<T>> query(
      DataSource dataSource, String sql, Object[] parameters, Column<T> column) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        List<List<T>> out = new ArrayList<>();
        while (rows.next()) {
          List<T> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(column.read(rows, c));
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }
}
