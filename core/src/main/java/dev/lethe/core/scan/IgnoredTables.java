package dev.lethe.core.scan;

import java.util.Locale;
import java.util.Set;

/** Tables the scan never reports: Lethe's own and the migration tools' bookkeeping. */
final class IgnoredTables {

  private static final Set<String> EXACT =
      Set.of(
          "flyway_schema_history",
          "schema_migrations",
          "ar_internal_metadata",
          "django_migrations",
          "knex_migrations",
          "knex_migrations_lock",
          "_prisma_migrations",
          "sequelizemeta",
          "goose_db_version",
          "__diesel_schema_migrations");

  private IgnoredTables() {}

  static boolean isIgnored(String table) {
    String name = table.toLowerCase(Locale.ROOT);
    return name.startsWith("lethe_")
        || EXACT.contains(name)
        || name.endsWith("_schema_history")
        || name.startsWith("databasechangelog");
  }
}
