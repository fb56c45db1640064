package dev.lethe.server.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.platform.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormTokensTest {

  final SettableClock clock = new SettableClock(Instant.parse("2026-07-01T00:00:00Z"));
  final KeyedHasher hasher =
      new KeyedHasher("a secret of sixteen".getBytes(StandardCharsets.UTF_8));
  final FormTokens tokens =
      new FormTokens(hasher, clock, Duration.ofSeconds(3), Duration.ofHours(2));

  @Test
  void a_form_is_accepted_between_the_minimum_fill_time_and_its_age_limit() {
    String token = tokens.issue();

    assertThat(tokens.check(token)).isEqualTo(FormTokens.Verdict.TOO_FAST);
    clock.advance(Duration.ofSeconds(3));
    assertThat(tokens.check(token)).isEqualTo(FormTokens.Verdict.FINE);
    clock.advance(Duration.ofHours(2));
    assertThat(tokens.check(token)).isEqualTo(FormTokens.Verdict.EXPIRED);
  }

  @Test
  void a_token_that_made_a_request_makes_no_other() {
    String token = tokens.issue();
    clock.advance(Duration.ofSeconds(5));

    tokens.spend(token);

    assertThat(tokens.check(token)).isEqualTo(FormTokens.Verdict.SPENT);
    assertThat(tokens.check(tokens.issue())).isEqualTo(FormTokens.Verdict.TOO_FAST);
  }

  @Test
  void a_token_not_of_our_making_or_changed_is_forged() {
    String token = tokens.issue();
    String earlier =
        (Long.parseLong(token.substring(0, token.indexOf('.'))) - 60_000)
            + token.substring(token.indexOf('.'));
    FormTokens elsewhere =
        new FormTokens(
            new KeyedHasher("another secret 16".getBytes(StandardCharsets.UTF_8)),
            clock,
            Duration.ofSeconds(3),
            Duration.ofHours(2));
    clock.advance(Duration.ofSeconds(5));

    assertThat(tokens.check(earlier)).isEqualTo(FormTokens.Verdict.FORGED);
    assertThat(tokens.check(elsewhere.issue())).isEqualTo(FormTokens.Verdict.FORGED);
    assertThat(tokens.check("")).isEqualTo(FormTokens.Verdict.FORGED);
    assertThat(tokens.check(null)).isEqualTo(FormTokens.Verdict.FORGED);
    assertThat(tokens.check("1.2.3")).isEqualTo(FormTokens.Verdict.FORGED);
  }
}
