package dev.lethe.server.config;

import dev.lethe.core.schema.Migrations;

/**
 * The service's own tables in Lethe's database, next to the core's: db-scheduler's {@code
 * scheduled_tasks} and the console's operators, migrated with a Flyway history table of their own
 * ({@code lethe_server_history}). Beans that use them take this one, so the tables exist first.
 */
public final class ServerTables {

  private ServerTables() {}

  /** Creates or upgrades the tables. */
  public static ServerTables migrate(Databases databases) {
    Migrations.migrate(
        databases.state(), databases.stateVendor(), "lethe_server_history", "lethe/server");
    return new ServerTables();
  }
}
