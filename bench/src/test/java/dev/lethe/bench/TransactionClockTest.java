package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class TransactionClockTest {

  /** A clock over an H2 database of its own, named {@code name}. */
  private static TransactionClock onH2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return new TransactionClock(h2);
  }

  @Test
  void a_plain_query_is_a_read_and_anything_that_writes_or_locks_is_not() {
    assertThat(TransactionClock.isRead("select count(*) from messages")).isTrue();
    assertThat(TransactionClock.isRead("  SELECT id FROM t")).isTrue();
    assertThat(TransactionClock.isRead("WITH k AS (SELECT id FROM t) SELECT * FROM k")).isTrue();

    assertThat(TransactionClock.isRead("select id from t for update")).isFalse();
    assertThat(TransactionClock.isRead("select id from t for share")).isFalse();
    assertThat(TransactionClock.isRead("with d as (delete from t returning id) select * from d"))
        .isFalse();
    assertThat(TransactionClock.isRead("update t set a = null")).isFalse();
    assertThat(TransactionClock.isRead("delete from t")).isFalse();
    assertThat(TransactionClock.isRead("")).isFalse();
  }

  @Test
  void every_writing_transaction_is_counted_and_the_longest_is_placed_in_time() throws Exception {
    TransactionClock clock = onH2("clock");
    Instant before = Instant.now();
    try (Connection c = clock.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      c.setAutoCommit(false);
      for (int i = 0; i < 3; i++) {
        s.executeUpdate("INSERT INTO t VALUES (" + i + ")");
        c.commit();
      }
      c.commit(); // nothing ran: no transaction
      s.executeQuery("SELECT COUNT(*) FROM t").close();
      c.commit(); // a read inside a transaction still counts
      c.setAutoCommit(true);
      s.executeQuery("SELECT id FROM t").close(); // a read in auto-commit mode does not
    }

    assertThat(clock.transactionMicros().getTotalCount()).isEqualTo(5);
    assertThat(clock.longestEndedAt()).hasValueSatisfying(at -> assertThat(at).isAfter(before));
    assertThat(clock.longestStatements()).isNotEmpty();

    clock.reset();
    assertThat(clock.transactionMicros().getTotalCount()).isZero();
    assertThat(clock.longestEndedAt()).isEmpty();
  }

  @Test
  void a_transaction_over_the_target_is_kept_with_what_it_ran() throws Exception {
    TransactionClock clock = onH2("over");
    try (Connection c = clock.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO t VALUES (1)");
      c.commit();
      s.executeUpdate("INSERT INTO t VALUES (2)");
      Thread.sleep(TransactionClock.TARGET_MILLIS + 20);
      s.executeUpdate("DELETE FROM t WHERE id = 1");
      c.commit();
      c.setAutoCommit(true);
    }

    assertThat(clock.overTarget())
        .singleElement()
        .satisfies(
            held -> {
              assertThat(held.millis()).isGreaterThan(TransactionClock.TARGET_MILLIS);
              assertThat(held.statements())
                  .containsExactly("INSERT INTO t VALUES (2)", "DELETE FROM t WHERE id = 1");
            });
    clock.reset();
    assertThat(clock.overTarget()).isEmpty();
  }

  @Test
  void a_batch_of_texts_is_keyed_by_how_many_it_sent_and_the_first() throws Exception {
    TransactionClock clock = onH2("batched");
    // made beside the clock: timed, it could be the longest transaction
    try (Connection direct = DriverManager.getConnection("jdbc:h2:mem:batched;DB_CLOSE_DELAY=-1");
        Statement s = direct.createStatement()) {
      s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
    }
    try (Connection c = clock.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.addBatch("INSERT INTO t VALUES (1)");
      s.addBatch("INSERT INTO t VALUES (2)");
      s.executeBatch();
      s.addBatch("DELETE FROM t WHERE id = 1");
      s.executeBatch();
      c.commit();
      c.setAutoCommit(true);
    }

    assertThat(clock.bySql())
        .containsOnlyKeys(
            "[2 batched] INSERT INTO t VALUES (?)", "[1 batched] DELETE FROM t WHERE id = ?");
    assertThat(clock.bySql().get("[2 batched] INSERT INTO t VALUES (?)")[0]).isEqualTo(1);
    assertThat(clock.longestStatements())
        .containsExactly(
            "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)", "DELETE FROM t WHERE id = 1");
  }

  @Test
  void a_batch_is_named_without_the_values_written_into_its_texts() {
    assertThat(
            TimedConnection.withoutValues(
                "delete from `m2` where (`run_id` = 'r-1''x' and `id` in (12, -3, 4.5e3))"))
        .isEqualTo("delete from `m2` where (`run_id` = ? and `id` in (?, …))");
    assertThat(TimedConnection.withoutValues("select a1 from t where b = 7 limit 250"))
        .isEqualTo("select a1 from t where b = ? limit ?");
  }

  @Test
  void statements_chained_in_one_are_keyed_with_how_many_they_are() {
    assertThat(TransactionClock.summary("DELETE FROM t WHERE id = ?"))
        .isEqualTo("DELETE FROM t WHERE id = ?");
    assertThat(TransactionClock.summary("DELETE FROM c WHERE p = ?;\nDELETE FROM p WHERE id = ?"))
        .isEqualTo("[2 chained] DELETE FROM c WHERE p = ?;\nDELETE FROM p WHERE id = ?");
    assertThat(TransactionClock.summary("x".repeat(200) + ";\ny;\nz"))
        .isEqualTo("[3 chained] " + "x".repeat(160));
  }

  @Test
  void a_chain_is_cut_into_the_heads_of_its_statements() {
    String chain = "x".repeat(200) + ";\ny;\nz";
    assertThat(TimedConnection.chainedHeads(chain, 5)).containsExactly("x".repeat(160), "y", "z");
    assertThat(TimedConnection.chainedHeads(chain, 2)).containsExactly("x".repeat(160), "y");
    assertThat(TimedConnection.chainedHeads("DELETE FROM t", 5)).containsExactly("DELETE FROM t");
    assertThat(TimedConnection.chainedCount(chain)).isEqualTo(3);
    assertThat(TimedConnection.chainedCount("a;\n")).isEqualTo(2);
  }
}
