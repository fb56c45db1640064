package dev.lethe.bench.callbacks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/** The Meta callback requests the server has committed in its own tables. */
final class StoredRequests {

  private StoredRequests() {}

  /**
   * Confirmation codes of every stored Meta data-deletion request (none before the first start).
   */
  static Set<String> codes(DataSource dataSource) throws SQLException {
    Set<String> codes = new HashSet<>();
    try (Connection c = dataSource.getConnection()) {
      if (!tableExists(c)) {
        return codes;
      }
      try (PreparedStatement s =
          c.prepareStatement("SELECT confirmation_code FROM lethe_requests WHERE source = ?")) {
        s.setString(1, "meta_callback");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            codes.add(rs.getString(1));
          }
        }
      }
    }
    return codes;
  }

  private static boolean tableExists(Connection c) throws SQLException {
    try (ResultSet tables =
        c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "lethe_requests", null)) {
      return tables.next();
    }
  }
}
