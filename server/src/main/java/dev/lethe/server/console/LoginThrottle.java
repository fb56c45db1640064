package dev.lethe.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords in a row for one operator
 * name, or from one client address, sign-ins for it are refused until {@code lockout} has passed.
 * Kept in memory, per instance: a restart forgives, which a guesser cannot cause.
 */
final class LoginThrottle {

  /** Keys kept at most; beyond it, the oldest failures are forgotten first. */
  private static final int MAX_KEYS = 10_000;

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final int maxFailures;
  private final Duration lockout;
  private final Clock clock;

  LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
    this.maxFailures = Math.max(1, maxFailures);
    this.lockout = lockout;
    this.clock = clock;
  }

  /** How long sign-ins for the name or from the address stay refused, if they are. */
  Optional<Duration> lockedFor(String name, String address) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : new String[] {"name:" + name, "address:" + address}) {
      Failures f = failures.get(key);
      if (f != null && f.count() >= maxFailures) {
        Duration left = Duration.between(now, f.last().plus(lockout));
        if (left.isNegative() || left.isZero()) {
          failures.remove(key);
        } else if (left.compareTo(longest) > 0) {
          longest = left;
        }
      }
    }
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  void failed(String name, String address) {
    if (failures.size() > MAX_KEYS) {
      failures.entrySet().stream()
          .min((a, b) -> a.getValue().last().compareTo(b.getValue().last()))
          .ifPresent(oldest -> failures.remove(oldest.getKey()));
    }
    Instant now = clock.instant();
    for (String key : new String[] {"name:" + name, "address:" + address}) {
      failures.merge(key, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }
  }

  void succeeded(String name, String address) {
    failures.remove("name:" + name);
    failures.remove("address:" + address);
  }
}
