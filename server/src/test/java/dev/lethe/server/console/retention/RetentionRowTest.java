package dev.lethe.server.console.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.datamap.RetentionRule;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionRowTest {

  private static RetentionPageController.Row row(double pauseRatio) {
    return row(pauseRatio, 0, 0);
  }

  private static RetentionPageController.Row row(double pauseRatio, int batch, long rate) {
    return RetentionPageController.Row.of(
        new RetentionRule(
            "messages_13_months",
            "messages",
            "created_at",
            Period.ofMonths(13),
            RetentionRule.Action.DELETE,
            Map.of(),
            pauseRatio,
            batch,
            rate,
            null),
        Optional.empty());
  }

  @Test
  void a_rule_that_pauses_shows_its_pause_as_a_multiple_of_each_batchs_time() {
    assertThat(row(1).pause()).isEqualTo("1×");
    assertThat(row(0.5).pause()).isEqualTo("0.5×");
    assertThat(row(2.25).pause()).isEqualTo("2.25×");
  }

  @Test
  void a_rule_held_to_a_rate_shows_it() {
    RetentionPageController.Row row = row(0, 250, 2_000);

    assertThat(row.maxRowsPerSecond()).isEqualTo(2_000);
    assertThat(row.batch()).isEqualTo(250);
    assertThat(row(0).maxRowsPerSecond()).isZero();
  }

  @Test
  void a_rule_that_does_not_pause_shows_none() {
    assertThat(row(0).pauseRatio()).isZero();
    assertThat(row(0).pause()).isEmpty();
  }
}
