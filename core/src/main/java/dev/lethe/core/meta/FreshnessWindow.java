package dev.lethe.core.meta;

import java.time.Duration;
import java.util.Objects;

/**
 * How old a signed request's {@code issued_at} may be, and how far ahead of our clock it may lie. A
 * signed request has no nonce: the age limit bounds how long a captured request can be replayed.
 */
public record FreshnessWindow(Duration maxAge, Duration maxClockSkew) {

  /** One hour back, five minutes ahead. */
  public static final FreshnessWindow DEFAULT =
      new FreshnessWindow(Duration.ofHours(1), Duration.ofMinutes(5));

  public FreshnessWindow {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive");
    }
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("maxClockSkew must not be negative");
    }
  }
}
