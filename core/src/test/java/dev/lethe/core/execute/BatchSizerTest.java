package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchSizerTest {

  private static final long MS = 1_000_000L;

  @Test
  void fast_batches_double_up_to_the_most() {
    BatchSizer sizer = new BatchSizer(64, 200, 100);
    sizer.observe(5 * MS);
    assertThat(sizer.size()).isEqualTo(128);
    sizer.observe(5 * MS);
    assertThat(sizer.size()).isEqualTo(200);
  }

  @Test
  void a_batch_near_the_target_keeps_the_size() {
    BatchSizer sizer = new BatchSizer(64, 5_000, 100);
    sizer.observe(85 * MS);
    sizer.observe(120 * MS);
    assertThat(sizer.size()).isEqualTo(64);
  }

  @Test
  void a_batch_well_over_the_target_shrinks_in_proportion() {
    BatchSizer sizer = new BatchSizer(1_000, 5_000, 100);
    sizer.observe(180 * MS);
    // 1,000 keys took 180 ms: about 556 would take the target
    assertThat(sizer.size()).isEqualTo(556);
  }

  @Test
  void a_slow_batch_shrinks_to_a_quarter_at_most_and_never_below_one() {
    BatchSizer sizer = new BatchSizer(64, 5_000, 100);
    sizer.observe(5_000 * MS);
    assertThat(sizer.size()).isEqualTo(16);
    for (int i = 0; i < 10; i++) {
      sizer.observe(5_000 * MS);
    }
    assertThat(sizer.size()).isEqualTo(1);
  }

  @Test
  void a_batch_somewhat_under_the_target_grows_in_proportion() {
    BatchSizer sizer = new BatchSizer(100, 5_000, 100);
    sizer.observe(70 * MS);
    assertThat(sizer.size()).isEqualTo(143);
  }
}
