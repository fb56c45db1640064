package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaceTest {

  private static final long MS = 1_000_000L;

  @Test
  void after_each_page_it_waits_its_ratio_of_the_pages_time() {
    List<Long> waits = new ArrayList<>();
    Pace pace = new Pace(1.5, waits::add);

    pace.after(100 * MS);
    pace.after(8 * MS);

    assertThat(waits).containsExactly(150 * MS, 12 * MS);
  }

  @Test
  void at_zero_it_never_waits() {
    List<Long> waits = new ArrayList<>();
    new Pace(0, waits::add).after(100 * MS);

    assertThat(waits).isEmpty();
    assertThat(Pace.of(0)).isSameAs(Pace.NONE);
    assertThat(Pace.of(0.5).ratio()).isEqualTo(0.5);
  }

  @Test
  void a_real_pause_sleeps_and_keeps_an_interrupt_for_the_caller() {
    Thread.currentThread().interrupt();
    try {
      Pace.of(1).after(50 * MS);
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
