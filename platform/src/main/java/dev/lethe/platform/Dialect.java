package dev.lethe.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database products the reference platform runs on, and what differs between them. */
public enum Dialect {
  POSTGRESQL("postgresql.sql"),
  MARIADB("mariadb.sql"),
  H2("h2.sql");

  private final String script;

  Dialect(String script) {
    this.script = script;
  }

  /** The product behind {@code connection}; refuses products the platform does not run on. */
  public static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("mariadb") || product.contains("mysql")) {
      return MARIADB;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "the reference platform supports PostgreSQL, MariaDB/MySQL and H2, not " + product);
  }

  String schemaResource() {
    return "/lethe/platform/schema/" + script;
  }

  /** Drops the foreign key that closes the accounts/workspaces cycle, so tables can be dropped. */
  String dropCycleForeignKey() {
    return switch (this) {
      case MARIADB ->
          "ALTER TABLE IF EXISTS accounts DROP FOREIGN KEY IF EXISTS fk_accounts_default_workspace_id";
      case POSTGRESQL, H2 ->
          "ALTER TABLE IF EXISTS accounts DROP CONSTRAINT IF EXISTS fk_accounts_default_workspace_id";
    };
  }
}
