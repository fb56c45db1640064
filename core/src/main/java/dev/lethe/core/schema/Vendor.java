package dev.lethe.core.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The database products Lethe runs on, and what differs between them. */
public enum Vendor {
  POSTGRESQL(SQLDialect.POSTGRES),
  MARIADB(SQLDialect.MARIADB),
  MYSQL(SQLDialect.MYSQL),
  H2(SQLDialect.H2);

  private final SQLDialect dialect;

  Vendor(SQLDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * jOOQ over a database of this product as Lethe uses it: names quoted as written, no logging of
   * statements (their bind values may be personal data).
   */
  public DSLContext dsl(DataSource dataSource) {
    return DSL.using(
        new KnownIsolation(dataSource),
        dialect(),
        new Settings()
            .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
            .withExecuteLogging(false));
  }

  public SQLDialect dialect() {
    return dialect;
  }

  /** Folder name used for this vendor's migrations. */
  public String migrationFolder() {
    return this == MYSQL ? "mariadb" : name().toLowerCase(Locale.ROOT);
  }

  public static Vendor of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String version = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("mariadb") || version.contains("mariadb")) {
      return MARIADB;
    }
    if (product.contains("mysql")) {
      return MYSQL;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new SQLException("unsupported database product: " + product);
  }

  public static Vendor ofUrl(String jdbcUrl) {
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    if (url.startsWith("jdbc:mariadb:")) {
      return MARIADB;
    }
    if (url.startsWith("jdbc:mysql:")) {
      return MYSQL;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException(
        "unsupported JDBC URL (expected jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:h2:)");
  }
}
