package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExecutionOptionsTest {

  @Test
  void at_most_caps_the_first_and_the_largest_batch_and_keeps_the_rest() {
    ExecutionOptions options = new ExecutionOptions(64, 5_000, 100, 4);
    assertThat(options.atMost(250)).isEqualTo(new ExecutionOptions(64, 250, 100, 4));
    assertThat(options.atMost(10)).isEqualTo(new ExecutionOptions(10, 10, 100, 4));
    assertThat(options.atMost(10_000)).isEqualTo(options);
  }

  @Test
  void a_batch_takes_at_least_one_key() {
    assertThatThrownBy(() -> ExecutionOptions.defaults().atMost(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
