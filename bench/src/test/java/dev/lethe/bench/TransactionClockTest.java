package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionClockTest {

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
}
