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
  void a_page_held_to_a_rate_goes_in_parts_of_ten_rows_or_more_a_millisecond_or_more_apart() {
    Pace pace = pace(0, 9_000);

    assertThat(pace.parts(100)).as("11.1 ms at the rate").isEqualTo(10);
    assertThat(pace.parts(1_000)).as("spread over at most 100 ms").isEqualTo(100);
    assertThat(pace.parts(45)).as("5 ms").isEqualTo(4);
    assertThat(pace.parts(19)).isEqualTo(1);
    assertThat(pace(0, 100_000).parts(1_000)).as("10 ms").isEqualTo(10);
    assertThat(pace(0, 1_000_000).parts(1_000)).as("1 ms").isEqualTo(1);
    assertThat(pace(0, 10_000_000).parts(1_000)).isEqualTo(1);
    assertThat(pace(1, 0).parts(1_000)).as("a ratio alone").isEqualTo(1);
    assertThat(Pace.NONE.parts(1_000)).isEqualTo(1);
  }

  @Test
  void a_spread_page_waits_for_each_part_from_its_start_and_the_rest_after_it() {
    Pace pace = pace(0, 1_000);

    pace.before();
    now.addAndGet(2 * MS); // the first ten of 100 rows sent: due 10 ms from the start
    assertThat(pace.spread(10, 100)).isEqualTo(8 * MS);
    now.addAndGet(15 * MS); // the next ten slower than their share: sent at once
    assertThat(pace.spread(20, 100)).isZero();
    now.addAndGet(3 * MS); // the other 80 and the commit
    pace.after(28 * MS, 8 * MS, 100); // its 100 rows take 100 ms at the rate
    pace.before();

    assertThat(waits).containsExactly(8 * MS, 72 * MS);
  }

  @Test
  void a_page_is_spread_over_at_most_a_tenth_of_a_second_and_the_rate_held_after_it() {
    Pace pace = pace(0, 1_000);

    pace.before();
    assertThat(pace.spread(500, 1_000)).isEqualTo(50 * MS);
    assertThat(pace.spread(999, 1_000)).isEqualTo(49_900_000L); // due at 99.9 ms
    pace.after(100 * MS, 100 * MS, 1_000);
    pace.before();

    assertThat(waits.getLast()).isEqualTo(900 * MS);
  }

  @Test
  void a_ratio_counts_the_time_a_spread_page_worked_not_its_waits() {
    Pace pace = pace(1, 1_000);

    pace.after(30 * MS, 20 * MS, 10); // worked 10 ms; its 10 rows took 10 ms at the rate
    pace.before();

    assertThat(waits).containsExactly(10 * MS);
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
