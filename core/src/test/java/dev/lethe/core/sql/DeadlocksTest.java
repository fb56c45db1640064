package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A transaction the database chooses as a deadlock victim runs again and commits; the other side of
 * the deadlock commits too.
 */
class DeadlocksTest {

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void a_deadlock_victim_runs_again(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ExecutorService others = Executors.newSingleThreadExecutor()) {
      db.execute(
          "CREATE TABLE pair (id INT PRIMARY KEY, v INT NOT NULL)",
          "INSERT INTO pair VALUES (1, 0), (2, 0)",
          // rows the other side changes too: InnoDB chooses the side that changed fewer
          "CREATE TABLE weight (id INT PRIMARY KEY, v INT NOT NULL)",
          "INSERT INTO weight SELECT id, 0 FROM pair",
          "INSERT INTO weight SELECT id + 2, 0 FROM weight",
          "INSERT INTO weight SELECT id + 4, 0 FROM weight");
      DSLContext dsl = Vendor.valueOf(kind.name()).dsl(db.dataSource());
      CountDownLatch firstLocked = new CountDownLatch(1);
      CountDownLatch secondLocked = new CountDownLatch(1);
      AtomicInteger attempts = new AtomicInteger();

      Future<?> other =
          others.submit(
              () -> {
                try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                  c.setAutoCommit(false);
                  firstLocked.await();
                  s.executeUpdate("UPDATE weight SET v = v + 1");
                  s.executeUpdate("UPDATE pair SET v = v + 10 WHERE id = 2");
                  secondLocked.countDown();
                  // close the cycle only once the victim waits: PostgreSQL aborts the side whose
                  // wait began first, when its deadlock_timeout ends
                  db.awaitLockWait("UPDATE pair SET v = v + 1 WHERE id = 2");
                  s.executeUpdate("UPDATE pair SET v = v + 10 WHERE id = 1");
                  c.commit();
                }
                return null;
              });

      Deadlocks.transaction(
          dsl,
          tx -> {
            int attempt = attempts.incrementAndGet();
            tx.execute("UPDATE pair SET v = v + 1 WHERE id = 1");
            if (attempt == 1) {
              firstLocked.countDown();
              try {
                secondLocked.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
            tx.execute("UPDATE pair SET v = v + 1 WHERE id = 2");
          });
      other.get(1, TimeUnit.MINUTES);

      assertThat(attempts).hasValue(2);
      assertThat(db.count("SELECT sum(v) FROM pair")).isEqualTo(22);
    }
  }
}
