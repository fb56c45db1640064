package dev.lethe.platform.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadTest {

  private final Mix mix = new Mix(42);

  @Test
  void an_even_spread_gives_every_group_its_minimum_and_adds_up_to_the_total() {
    Spread spread = Spread.even(1_000, 14_000, 1, mix, 1);

    long sum = 0;
    for (long g = 1; g <= spread.groups(); g++) {
      assertThat(spread.count(g)).isGreaterThanOrEqualTo(1);
      sum += spread.count(g);
    }
    assertThat(sum).isEqualTo(14_000).isEqualTo(spread.total());
  }

  @Test
  void an_even_spread_varies_the_group_sizes() {
    Spread spread = Spread.even(1_000, 14_000, 0, mix, 1);

    assertThat(spread.count(10)).isNotEqualTo(spread.count(11));
  }

  @Test
  void a_skewed_spread_makes_the_first_groups_large() {
    Spread spread = Spread.skewed(100, 100_000);

    assertThat(spread.total()).isEqualTo(100_000);
    assertThat(spread.count(1)).isGreaterThan(10 * spread.count(100));
    assertThat(spread.count(100)).isPositive();
  }

  @Test
  void every_child_is_found_in_the_group_that_holds_it() {
    for (Spread spread :
        new Spread[] {Spread.even(37, 500, 0, mix, 2), Spread.skewed(7, 300), Spread.fixed(9, 4)}) {
      for (long g = 1; g <= spread.groups(); g++) {
        for (long item = spread.first(g); item < spread.first(g) + spread.count(g); item++) {
          assertThat(spread.groupOf(item)).isEqualTo(g);
        }
      }
    }
  }
}
