package dev.lethe.bench.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One erasure's subject: the root row's id, and the workspace it is in (for tenant-bound scopes).
 */
record Subject(long id, long workspace) {

  /** The subjects {@code select} reads, each row's id and workspace, in its order. */
  static List<Subject> all(Connection connection, String select) throws SQLException {
    List<Subject> subjects = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(select);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        subjects.add(new Subject(rs.getLong(1), rs.getLong(2)));
      }
    }
    return subjects;
  }
}
