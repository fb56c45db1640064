package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class TransactionSpansTest {

  @Test
  void an_instant_is_inside_a_span_from_its_start_to_its_end() {
    TransactionSpans spans = TransactionSpans.of(new long[] {100, 300}, new long[] {200, 300});
    assertThat(spans.count()).isEqualTo(2);
    assertThat(spans.open(99)).isFalse();
    assertThat(spans.open(100)).isTrue();
    assertThat(spans.open(200)).isTrue();
    assertThat(spans.open(201)).isFalse();
    assertThat(spans.open(299)).isFalse();
    assertThat(spans.open(300)).isTrue();
    assertThat(spans.open(301)).isFalse();
  }

  @Test
  void spans_of_several_connections_may_overlap_and_come_in_any_order() {
    // a long one from 0 to 1,000 holds a short one from 10 to 20 inside it, ended first
    TransactionSpans spans =
        TransactionSpans.of(new long[] {10, 0, 2_000, 2_000}, new long[] {20, 1_000, 2_001, 2_500});
    assertThat(spans.open(500)).as("after the short one ended, inside the long one").isTrue();
    assertThat(spans.open(1_500)).isFalse();
    assertThat(spans.open(2_000)).isTrue();
    assertThat(spans.open(2_400)).as("two spans start together, the second lasts").isTrue();
    assertThat(spans.open(2_501)).isFalse();
  }

  @Test
  void no_spans_leave_every_instant_outside() {
    assertThat(TransactionSpans.of(new long[0], new long[0]).open(5)).isFalse();
  }

  @Test
  void a_span_has_an_end_after_its_start() {
    assertThatThrownBy(() -> TransactionSpans.of(new long[] {5}, new long[] {4}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TransactionSpans.of(new long[] {5}, new long[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_clock_keeps_its_writing_transactions_spans_once_asked_until_reset() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:spans;DB_CLOSE_DELAY=-1");
    TransactionClock clock = new TransactionClock(h2);
    try (Connection c = clock.getConnection()) {
      c.createStatement().execute("create table t (id int)");
      assertThat(clock.spans()).isEmpty();
      clock.keepSpans();
      long before = TransactionSpans.micros(Instant.now());
      c.setAutoCommit(false);
      c.createStatement().execute("insert into t values (1)");
      Thread.sleep(20);
      long committing = TransactionSpans.micros(Instant.now());
      c.commit();
      long after = TransactionSpans.micros(Instant.now());
      // a read takes no locks: it is no writing transaction
      c.setAutoCommit(true);
      c.createStatement().executeQuery("select count(*) from t").close();
      TransactionClock.Spans kept = clock.spans().orElseThrow();
      TransactionSpans spans = kept.open();
      assertThat(spans.count()).isEqualTo(1);
      assertThat(spans.open(before + 10_000)).isTrue();
      assertThat(spans.open(after + 1_000)).isFalse();
      // its commit span is the commit call's: not the statements, nor the pause before it
      assertThat(kept.committing().count()).isEqualTo(1);
      assertThat(kept.committing().open(committing - 1_000)).isFalse();
      assertThat(kept.committing().open(after + 1_000)).isFalse();
      clock.reset();
      assertThat(clock.spans()).isEmpty();
    }
  }
}
