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
    return new Pace(
        ratio,
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
    pace.after(100 * MS);
    pace.before();
    pace.after(8 * MS);
    pace.before();

    assertThat(waits).containsExactly(150 * MS, 12 * MS);
    assertThat(pace.paced()).isTrue();
  }

  @Test
  void what_the_pass_does_between_pages_counts_towards_the_pause() {
    Pace pace = pace(2);

    pace.after(50 * MS);
    now.addAndGet(30 * MS); // the page's files deleted, the next keys read
    pace.before();
    pace.after(10 * MS);
    now.addAndGet(25 * MS); // longer than the pause: no wait at all
    pace.before();
    pace.before(); // a pause is waited once

    assertThat(waits).containsExactly(70 * MS);
  }

  @Test
  void at_zero_it_never_waits() {
    Pace pace = pace(0);
    pace.after(100 * MS);
    pace.before();

    assertThat(waits).isEmpty();
    assertThat(pace.paced()).isFalse();
    assertThat(Pace.of(0)).isSameAs(Pace.NONE);
    assertThat(Pace.NONE.paced()).isFalse();
    assertThat(Pace.of(0.5).ratio()).isEqualTo(0.5);
  }

  @Test
  void a_real_pause_sleeps_and_keeps_an_interrupt_for_the_caller() {
    Pace pace = Pace.of(1);
    pace.after(50 * MS);
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
    assertThatThrownBy(() -> Pace.of(ratio))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pause ratio");
  }
}
