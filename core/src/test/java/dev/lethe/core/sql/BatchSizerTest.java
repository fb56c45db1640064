package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchSizerTest {

  private static final long MS = 1_000_000L;

  @ParameterizedTest(name = "{0} keys in {2} ms (at most {1}): then {3}, steady {4}")
  @CsvSource({
    // fast: doubled, up to the most
    "64, 5000, 5, 128, false",
    "150, 200, 5, 200, false",
    // at the most already: kept there, steady
    "5000, 5000, 5, 5000, true",
    // within a quarter of the 100 ms target: kept
    "64, 5000, 85, 64, true",
    "64, 5000, 120, 64, true",
    // further off: scaled towards the target
    "1000, 5000, 180, 556, false",
    "100, 5000, 70, 143, false",
    // far too slow: a quarter at most, never below one
    "64, 5000, 5000, 16, false",
    "2, 5000, 5000, 1, false",
  })
  void a_full_batch_is_scaled_by_how_far_it_was_from_the_target(
      int size, int max, long tookMillis, int next, boolean steady) {
    BatchSizer sizer = new BatchSizer(size, max, 100);
    assertThat(sizer.steady()).as("before any batch").isFalse();
    sizer.observe(tookMillis * MS, size);
    assertThat(sizer.size()).isEqualTo(next);
    assertThat(sizer.steady()).isEqualTo(steady);
  }

  @ParameterizedTest(name = "{1} of {0} keys in {2} ms: then {3}, steady {4}")
  @CsvSource({
    // the last page below a parent, quick because it ran out of rows: kept, not doubled
    "414, 94, 24, 414, true",
    // a handful of keys, mostly fixed costs: kept
    "414, 1, 4, 414, true",
    // its cost per key fits about the size in the target: kept
    "414, 200, 50, 414, true",
    // its cost per key fits more than the size: grown towards that, at most doubled
    "400, 300, 40, 750, false",
    "414, 300, 30, 828, false",
    // too slow even short: scaled by the keys it held, at most quartered
    "400, 200, 160, 125, false",
    "414, 94, 100, 104, false",
  })
  void a_short_batch_is_judged_by_the_keys_it_held(
      int size, int keys, long tookMillis, int next, boolean steady) {
    BatchSizer sizer = new BatchSizer(size, 5000, 100);
    sizer.observe(tookMillis * MS, keys);
    assertThat(sizer.size()).isEqualTo(next);
    assertThat(sizer.steady()).isEqualTo(steady);
  }

  @Test
  void a_quick_batch_grows_the_size_only_as_far_as_the_batches_before_it_allow() {
    BatchSizer sizer = new BatchSizer(100, 5000, 100);
    assertThat(after(sizer, 100, 100)).isEqualTo(100);

    // twice as quick as the one before: the average cost per key moved a third of the way
    assertThat(after(sizer, 50, 100)).as("one quick batch among ones at the target").isEqualTo(100);
    assertThat(sizer.steady()).isTrue();

    assertThat(after(sizer, 50, 100)).as("a second one").isEqualTo(142);
    assertThat(sizer.steady()).isFalse();
  }

  @Test
  void a_slow_batch_shrinks_the_size_at_once_whatever_the_batches_before_it() {
    BatchSizer sizer = new BatchSizer(100, 5000, 100);
    assertThat(after(sizer, 50, 100)).as("the first batch, by itself").isEqualTo(200);
    assertThat(after(sizer, 50, 200)).as("quicker per key, not yet enough to grow").isEqualTo(200);

    assertThat(after(sizer, 300, 200)).isEqualTo(67);
  }

  @Test
  void after_a_slow_batch_the_size_grows_again_from_its_cost_per_key() {
    BatchSizer sizer = new BatchSizer(100, 5000, 100);
    assertThat(after(sizer, 400, 100)).as("quartered at most").isEqualTo(25);

    // 0.8 ms a key would fit 125 keys, but the average still counts the 4 ms of the slow batch
    assertThat(after(sizer, 20, 25)).isEqualTo(41);
    assertThat(after(sizer, 20, 41)).isEqualTo(66);
  }

  /** The size after a batch of {@code keys} keys that took {@code millis}. */
  private static int after(BatchSizer sizer, long millis, int keys) {
    sizer.observe(millis * MS, keys);
    return sizer.size();
  }
}
