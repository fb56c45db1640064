package dev.lethe.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.bench.BenchSize;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class ErasureScenariosPostgreSqlTest extends ErasureScenariosContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }

  /**
   * Lethe's own tables outlive the platform's between contestants and runs: the platform made anew
   * vacuums them too, whatever the server's autovacuum does, so no run carries an earlier one's
   * dead rows.
   */
  @Test
  void the_platform_made_anew_vacuums_lethes_own_tables() throws Exception {
    try (TestDatabase db = TestDatabase.create(kind())) {
      db.execute(
          "CREATE TABLE lethe_runs (id VARCHAR(36) PRIMARY KEY)",
          "CREATE TABLE lethe_runs_seen (id VARCHAR(36) PRIMARY KEY)",
          "INSERT INTO lethe_runs VALUES ('a'), ('b')",
          "DELETE FROM lethe_runs",
          "CREATE TABLE lether (id BIGINT PRIMARY KEY)");

      BenchPlatform.recreate(db.dataSource(), Vendor.POSTGRESQL, BenchSize.TINY, true, null);

      assertThat(vacuums(db, "lethe_runs")).isEqualTo(1);
      assertThat(vacuums(db, "lethe_runs_seen")).isEqualTo(1);
      assertThat(vacuums(db, "lether")).isZero();
    }
  }

  private static long vacuums(TestDatabase db, String table) throws Exception {
    return db.count(
        "SELECT vacuum_count FROM pg_stat_user_tables"
            + " WHERE schemaname = current_schema() AND relname = '"
            + table
            + "'");
  }
}
