package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchSizerTest {

  private static final long MS = 1_000_000L;

  @ParameterizedTest(name = "{0} keys in {2} ms (at most {1}): then {3}")
  @CsvSource({
    // fast: doubled, up to the most
    "64, 5000, 5, 128",
    "150, 200, 5, 200",
    // within a quarter of the 100 ms target: kept
    "64, 5000, 85, 64",
    "64, 5000, 120, 64",
    // further off: scaled towards the target
    "1000, 5000, 180, 556",
    "100, 5000, 70, 143",
    // far too slow: a quarter at most, never below one
    "64, 5000, 5000, 16",
    "2, 5000, 5000, 1",
  })
  void a_batch_is_scaled_by_how_far_it_was_from_the_target(
      int size, int max, long tookMillis, int next) {
    BatchSizer sizer = new BatchSizer(size, max, 100);
    sizer.observe(tookMillis * MS);
    assertThat(sizer.size()).isEqualTo(next);
  }
}
