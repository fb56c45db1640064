package dev.lethe.server.config;

import org.flywaydb.core.Flyway;

/**
 * The service's own tables in Lethe's database, next to the core's: db-scheduler's {@code
 * scheduled_tasks} and the console's operators, migrated with a Flyway history table of their own
 * ({@code lethe_server_history}). Beans that use them take this one, so the tables exist first.
 */
public final class ServerTables {

  private ServerTables() {}

  /** Creates or upgrades the tables. */
  public static ServerTables migrate(Databases databases) {
    Flyway.configure()
        .dataSource(databases.state())
        .table("lethe_server_history")
        .locations("classpath:lethe/server/" + databases.stateVendor().migrationFolder())
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    return new ServerTables();
  }
}
