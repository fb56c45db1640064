package dev.lethe.server.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code limit} attempts per key within a sliding {@code window}, in this instance's
 * memory. Keys are client addresses or keyed hashes, never an e-mail address in clear. The least
 * recently used keys are forgotten beyond {@code maxKeys}, so a flood of addresses cannot exhaust
 * memory.
 */
public final class RateLimiter {

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> attempts;

  public RateLimiter(int limit, Duration window, Clock clock, int maxKeys) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException("a rate limit needs a positive limit, window and size");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.attempts =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > maxKeys;
          }
        };
  }

  /** Clients tracked by the public pages' limits before the least recent is forgotten. */
  private static final int PAGE_CLIENTS = 50_000;

  /** The public pages' limit per client address, from {@code lethe.pages.request-form}. */
  public static RateLimiter perClientAddress(PagesProperties pages, Clock clock) {
    PagesProperties.RequestForm form = pages.requestForm();
    return new RateLimiter(form.perAddress(), form.perAddressWindow(), clock, PAGE_CLIENTS);
  }

  /** The request form's limit per e-mail address, from {@code lethe.pages.request-form}. */
  public static RateLimiter perEmailAddress(PagesProperties pages, Clock clock) {
    PagesProperties.RequestForm form = pages.requestForm();
    return new RateLimiter(form.perEmail(), form.perEmailWindow(), clock, PAGE_CLIENTS);
  }

  /**
   * Counts an attempt for {@code key}, unless the limit is reached.
   *
   * @return empty when the attempt is allowed (and counted); else how long until the next one is
   */
  public synchronized Optional<Duration> tryAcquire(String key) {
    Instant now = clock.instant();
    Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant since = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
      times.removeFirst();
    }
    if (times.size() >= limit) {
      return Optional.of(Duration.between(since, times.peekFirst()).plusSeconds(1));
    }
    times.addLast(now);
    return Optional.empty();
  }
}
