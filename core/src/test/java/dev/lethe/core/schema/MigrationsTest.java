package dev.lethe.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.request.RequestStore;
import dev.lethe.core.state.FileQueue;
import dev.lethe.core.state.RunStore;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Instances starting together on a fresh database, beside the host's tables, migrate Lethe's tables
 * once: an instance waits while another one migrates, none of them fails, and each history table
 * records every migration once.
 */
class MigrationsTest {

  private static final int INSTANCES = 4;
  private static final int ROUNDS = 3;

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void an_instance_touches_nothing_while_another_one_migrates(TestDatabase.Kind kind)
      throws Exception {
    Vendor vendor = Vendor.valueOf(kind.name());
    try (TestDatabase db = TestDatabase.create(kind);
        ExecutorService instance = Executors.newSingleThreadExecutor();
        Connection other = db.dataSource().getConnection()) {
      db.execute("CREATE TABLE host_table (id INT PRIMARY KEY)");
      Migrations.acquire(other, vendor, "lethe_schema_history");

      Future<?> migrating = instance.submit(() -> RunStore.migrate(db.dataSource(), vendor));
      Thread.sleep(1_000);
      assertThat(migrating).isNotDone();
      assertThat(
              db.count(
                  "select count(*) from information_schema.tables where table_schema = "
                      + (kind == TestDatabase.Kind.POSTGRESQL ? "current_schema()" : "database()")
                      + " and table_name = 'lethe_schema_history'"))
          .as("the waiting instance created nothing")
          .isZero();

      Migrations.release(other, vendor, "lethe_schema_history");
      migrating.get(1, TimeUnit.MINUTES);
      assertThat(db.count("select count(*) from lethe_schema_history where version = '0'")).isOne();
      assertThat(db.count("select count(*) from lethe_runs")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void instances_starting_together_migrate_once(TestDatabase.Kind kind) throws Exception {
    Vendor vendor = Vendor.valueOf(kind.name());
    for (int round = 0; round < ROUNDS; round++) {
      try (TestDatabase db = TestDatabase.create(kind);
          ExecutorService instances = Executors.newFixedThreadPool(INSTANCES)) {
        db.execute("CREATE TABLE host_table (id INT PRIMARY KEY)");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
          started.add(
              instances.submit(
                  () -> {
                    start.await();
                    RunStore.migrate(db.dataSource(), vendor);
                    RequestStore.migrate(db.dataSource(), vendor);
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> instance : started) {
          instance.get(2, TimeUnit.MINUTES);
        }

        for (String history : List.of("lethe_schema_history", "lethe_service_history")) {
          assertThat(db.count("select count(*) from " + history + " where success"))
              .as(history)
              .isEqualTo(
                  db.count("select count(distinct version) from " + history + " where success"));
          assertThat(db.count("select count(*) from " + history + " where version = '0'"))
              .as("%s: one baseline", history)
              .isOne();
        }
        assertThat(db.count("select count(*) from lethe_runs")).isZero();
      }
    }
  }

  /**
   * Files marked deleted before their keys were deleted on deletion: upgraded, a stopped run's
   * marked files are counted as deleted and forgotten, its files still pending stay, and a
   * completed run (its counts in its receipt) gets no counts.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void files_marked_deleted_are_counted_and_forgotten_on_upgrade(TestDatabase.Kind kind)
      throws Exception {
    Vendor vendor = Vendor.valueOf(kind.name());
    try (TestDatabase db = TestDatabase.create(kind)) {
      Flyway.configure()
          .dataSource(db.dataSource())
          .table("lethe_schema_history")
          .locations("classpath:lethe/state/" + vendor.migrationFolder())
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .target(kind == TestDatabase.Kind.MARIADB ? "1" : "2")
          .load()
          .migrate();
      for (String[] run : new String[][] {{"stopped", "failed"}, {"done", "completed"}}) {
        db.execute(
            "INSERT INTO lethe_runs (id, kind, scope, status, datamap_name, datamap_fingerprint,"
                + " subject_hashes, params, created_at) VALUES ('"
                + run[0]
                + "', 'erasure', 'contact', '"
                + run[1]
                + "', 'map', 'f', '[]', '{}', TIMESTAMP '2026-01-01 00:00:00')");
      }
      String files =
          "INSERT INTO lethe_run_files (run_id, entity, file_key, attempts, deleted_at) VALUES ";
      String marked = ", 1, TIMESTAMP '2026-01-01 00:01:00')";
      db.execute(files + "('stopped', 'attachments', 'a/1'" + marked);
      db.execute(files + "('stopped', 'attachments', 'a/2'" + marked);
      db.execute(files + "('stopped', 'documents', 'd/1'" + marked);
      db.execute(files + "('stopped', 'attachments', 'a/3', 0, NULL)");
      db.execute(files + "('done', 'attachments', 'a/4'" + marked);

      RunStore.migrate(db.dataSource(), vendor);

      RunStore runs = new RunStore(vendor.dsl(db.dataSource()), 100);
      assertThat(runs.files().deletedFiles("stopped"))
          .isEqualTo(Map.of("attachments", 2L, "documents", 1L));
      assertThat(runs.files().pendingFiles("stopped", Long.MIN_VALUE, 10))
          .extracting(FileQueue.PendingFile::key)
          .containsExactly("a/3");
      assertThat(runs.counts("stopped")).isEmpty();
      assertThat(db.count("select count(*) from lethe_run_counts where run_id = 'done'")).isZero();
      assertThat(db.count("select count(*) from lethe_run_files where run_id = 'done'")).isZero();
    }
  }
}
