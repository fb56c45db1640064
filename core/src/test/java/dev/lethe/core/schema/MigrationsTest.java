package dev.lethe.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.request.RequestStore;
import dev.lethe.core.state.RunStore;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
}
