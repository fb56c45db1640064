package dev.lethe.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  final SettableClock clock = new SettableClock(Instant.parse("2026-07-01T00:00:00Z"));
  final RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), clock, 100);

  @Test
  void attempts_past_the_limit_wait_until_the_oldest_leaves_the_window() {
    assertThat(limiter.tryAcquire("10.0.0.1")).isEmpty();
    clock.advance(Duration.ofMinutes(20));
    assertThat(limiter.tryAcquire("10.0.0.1")).isEmpty();

    assertThat(limiter.tryAcquire("10.0.0.1"))
        .hasValueSatisfying(
            wait -> assertThat(wait).isBetween(Duration.ofMinutes(40), Duration.ofMinutes(41)));
    assertThat(limiter.tryAcquire("10.0.0.2")).isEmpty();

    clock.advance(Duration.ofMinutes(41));
    assertThat(limiter.tryAcquire("10.0.0.1")).isEmpty();
    assertThat(limiter.tryAcquire("10.0.0.1")).isPresent();
  }

  @Test
  void refused_attempts_are_not_counted() {
    limiter.tryAcquire("k");
    limiter.tryAcquire("k");
    for (int i = 0; i < 10; i++) {
      limiter.tryAcquire("k");
    }
    clock.advance(Duration.ofMinutes(61));

    assertThat(limiter.tryAcquire("k")).isEmpty();
    assertThat(limiter.tryAcquire("k")).isEmpty();
  }

  @Test
  void the_least_recently_seen_keys_are_forgotten_past_the_size() {
    RateLimiter small = new RateLimiter(1, Duration.ofHours(1), clock, 2);
    small.tryAcquire("a");
    small.tryAcquire("b");
    small.tryAcquire("c");

    assertThat(small.tryAcquire("a")).isEmpty();
    assertThat(small.tryAcquire("c")).isPresent();
  }
}
