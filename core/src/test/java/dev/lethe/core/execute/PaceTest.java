package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaceTest {

  private static final long MS = 1_000_000L;

  private final AtomicLong now = new AtomicLong(1_000 * MS);
  private final List<Long> waits = new ArrayList<>();

  /** A pace on a clock of the test's, whose waits are recorded and move the clock on. */
  private Pace pace(double ratio) {
    return pace(ratio, 0);
  }

  /** The same, held to {@code rowsPerSecond} too. */
  private Pace pace(double ratio, long rowsPerSecond) {
    return new Pace(
        ratio,
        rowsPerSecond,
        now::get,
        nanos -> {
          waits.add(nanos);
          now.addAndGet(nanos);
        });
  }

  @Test
  void the_next_page_starts_its_ratio_of_the_pages_time_after_it() {
    Pace pace = pace(1.5);

    pace.before(); // the first page: nothing to wait for
    pace.after(100 * MS, 250);
    pace.before();
    pace.after(8 * MS, 250);
    pace.before();

    assertThat(waits).containsExactly(150 * MS, 12 * MS);
    assertThat(pace.paced()).isTrue();
  }

  @Test
  void what_the_pass_does_between_pages_counts_towards_the_pause() {
    Pace pace = pace(2);

    pace.after(50 * MS, 250);
    now.addAndGet(30 * MS); // the page's files deleted, the next keys read
    pace.before();
    pace.after(10 * MS, 250);
    now.addAndGet(25 * MS); // longer than the pause: no wait at all
    pace.before();
    pace.before(); // a pause is waited once

    assertThat(waits).containsExactly(70 * MS);
  }

  @Test
  void at_zero_it_never_waits() {
    Pace pace = pace(0);
    pace.after(100 * MS, 250);
    pace.before();

    assertThat(waits).isEmpty();
    assertThat(pace.paced()).isFalse();
    assertThat(Pace.of(0, 0)).isSameAs(Pace.NONE);
    assertThat(Pace.NONE.paced()).isFalse();
    assertThat(Pace.of(0.5, 0).ratio()).isEqualTo(0.5);
    assertThat(Pace.of(0, 1_000).rowsPerSecond()).isEqualTo(1_000);
  }

  @Test
  void a_rate_holds_each_page_and_its_pause_to_the_time_its_rows_take_at_that_rate() {
    Pace pace = pace(0, 1_000);

    pace.before();
    pace.after(40 * MS, 250); // 250 rows at 1,000 a second: 250 ms from the page's start
    pace.before();
    pace.after(300 * MS, 250); // slower than the rate: no wait, and nothing made up later
    pace.before();
    pace.after(10 * MS, 100);
    now.addAndGet(60 * MS); // the page's files deleted, the next keys read
    pace.before();

    assertThat(waits).containsExactly(210 * MS, 30 * MS);
    assertThat(pace.paced()).isTrue();
  }

  @Test
  void with_a_ratio_and_a_rate_the_longer_wait_is_waited() {
    Pace pace = pace(2, 10_000);

    pace.after(20 * MS, 500); // the rate: 50 ms from the start, 30 after; the ratio: 40 after
    pace.before();
    pace.after(20 * MS, 1_000); // the rate: 100 ms from the start, 80 after
    pace.before();

    assertThat(waits).containsExactly(40 * MS, 80 * MS);
  }

  @Test
  void pages_of_rows_the_rate_does_not_count_wait_only_their_ratio() {
    Pace pace = pace(0, 1_000);

    pace.after(30 * MS, 0); // the attachments below the next page of messages
    pace.before();
    pace.after(10 * MS, 100);
    pace.before();

    assertThat(waits).containsExactly(90 * MS);
  }

  @Test
  void a_real_pause_sleeps_and_keeps_an_interrupt_for_the_caller() {
    Pace pace = Pace.of(1, 0);
    pace.after(50 * MS, 10);
    Thread.currentThread().interrupt();
    try {
      pace.before();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
  void a_ratio_is_a_finite_number_of_at_least_zero(double ratio) {
    assertThatThrownBy(() -> Pace.of(ratio, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pause ratio");
  }

  @Test
  void a_rate_is_at_least_zero() {
    assertThatThrownBy(() -> Pace.of(0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows a second");
  }
}
