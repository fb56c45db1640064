package dev.lethe.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Plain JDBC reads for assertions, with bind parameters. */
final class Sql {

  private Sql() {}

  static long count(DataSource dataSource, String sql, Object... parameters) {
    return Long.parseLong(strings(dataSource, sql, parameters).getFirst());
  }

  /** The first column of every row, as text. */
  static List<String> strings(DataSource dataSource, String sql, Object... parameters) {
    return rows(dataSource, sql, parameters).stream().map(List::getFirst).toList();
  }

  /** Every row, each as its columns' text. */
  static List<List<String>> rows(DataSource dataSource, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        List<List<String>> out = new ArrayList<>();
        while (rows.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(rows.getString(c));
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
