package dev.lethe.bench.engine;

import dev.lethe.bench.BenchSize;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.OnDelete;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The reference platform as each contestant finds it: dropped, created (optionally with cascading
 * foreign keys), filled by the seeded generator, and its statistics refreshed, so every contestant
 * starts from identical rows and an identically prepared database.
 */
public final class BenchPlatform {

  static final long SEED = 42;

  private BenchPlatform() {}

  /**
   * Makes the platform's tables hold freshly generated rows: created anew when {@code create}
   * (dropped first), else emptied; with cascading foreign keys from then on when {@code cascading}
   * is given.
   */
  static void recreate(
      DataSource dataSource, Vendor vendor, BenchSize size, boolean create, DataMap cascading)
      throws SQLException {
    if (create) {
      ReferencePlatform.dropSchema(dataSource);
      ReferencePlatform.createSchema(dataSource);
    } else {
      empty(dataSource, vendor);
    }
    if (cascading != null) {
      cascadeForeignKeys(dataSource, cascading);
    }
    new PlatformGenerator(size.platform(), SEED, PlatformGenerator.REFERENCE_NOW)
        .generate(dataSource);
    refreshStatistics(dataSource, vendor);
  }

  /**
   * Statistics of freshly filled tables, taken now rather than by autovacuum in the middle of what
   * is measured next. On PostgreSQL the fill's pages are then written out ({@code CHECKPOINT}):
   * left to the checkpointer, the writes of a few hundred megabytes of rows went on during the
   * contestant measured next, whose every commit waited on the same disk (the same 1,000 contacts
   * took 8.3 s and 9.6 s in two runs of one jar). Lethe's own tables (its runs, their roots, counts
   * and files), which outlive the platform's, are vacuumed too: on a server whose autovacuum is
   * off, as on a CI machine, every earlier run's dead rows were carried into the next, Lethe slower
   * each run (1,000 contacts in 2.9-3.1 s early in a series of runs, 3.3-3.6 s later, the same
   * jar).
   */
  public static void refreshStatistics(DataSource dataSource, Vendor vendor) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      if (vendor == Vendor.POSTGRESQL) {
        for (String table : ReferencePlatform.TABLES) {
          statement.execute("VACUUM ANALYZE " + table);
        }
        for (String table : letheTables(connection)) {
          statement.execute("VACUUM ANALYZE " + table);
        }
        checkpoint(statement);
      } else if (vendor == Vendor.MARIADB) {
        statement.execute("ANALYZE TABLE " + String.join(", ", ReferencePlatform.TABLES));
      }
    }
  }

  /** PostgreSQL: the tables of Lethe's own in the connection's schema, if it has created them. */
  private static List<String> letheTables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT quote_ident(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    + " AND table_name LIKE 'lethe\\_%' ORDER BY table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  /**
   * {@code CHECKPOINT}, which takes a superuser or the {@code pg_checkpoint} role: without either,
   * the run goes on as before, the checkpointer writing the pages when it will.
   */
  private static void checkpoint(Statement statement) throws SQLException {
    try {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      if (!"42501".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  /** Empties every platform table; much faster than dropping and creating them again. */
  private static void empty(DataSource dataSource, Vendor vendor) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      switch (vendor) {
        case POSTGRESQL ->
            statement.execute("TRUNCATE " + String.join(", ", ReferencePlatform.TABLES));
        case MARIADB, MYSQL -> {
          statement.execute("SET FOREIGN_KEY_CHECKS = 0");
          try {
            for (String table : ReferencePlatform.TABLES) {
              statement.execute("TRUNCATE TABLE " + table);
            }
          } finally {
            statement.execute("SET FOREIGN_KEY_CHECKS = 1");
          }
        }
        case H2 -> {
          statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
          try {
            for (String table : ReferencePlatform.TABLES) {
              statement.execute("TRUNCATE TABLE " + table);
            }
          } finally {
            statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
          }
        }
      }
    }
  }

  /**
   * The same schema with every foreign key deleting as the data map says: {@code ON DELETE CASCADE}
   * where the map cascades, {@code SET NULL} where it detaches, anonymizes or retains.
   */
  private static void cascadeForeignKeys(DataSource dataSource, DataMap map) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      Vendor vendor = Vendor.of(connection);
      List<String> alterations = new ArrayList<>();
      DatabaseMetaData meta = connection.getMetaData();
      for (var entity : map.entities().values()) {
        try (ResultSet keys =
            meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), entity.table())) {
          while (keys.next()) {
            String name = keys.getString("FK_NAME");
            String column = keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
            String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
            OnDelete onDelete =
                entity.parents().stream()
                    .filter(r -> r.column().equals(column))
                    .map(Relation::onDelete)
                    .findFirst()
                    .orElse(OnDelete.DETACH);
            String rule = onDelete == OnDelete.CASCADE ? "CASCADE" : "SET NULL";
            alterations.add(
                "ALTER TABLE "
                    + entity.table()
                    + (vendor == Vendor.POSTGRESQL ? " DROP CONSTRAINT " : " DROP FOREIGN KEY ")
                    + name);
            alterations.add(
                "ALTER TABLE "
                    + entity.table()
                    + " ADD CONSTRAINT "
                    + name
                    + " FOREIGN KEY ("
                    + column
                    + ") REFERENCES "
                    + parent
                    + " (id) ON DELETE "
                    + rule);
          }
        }
      }
      for (String sql : alterations) {
        statement.execute(sql);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }
}
