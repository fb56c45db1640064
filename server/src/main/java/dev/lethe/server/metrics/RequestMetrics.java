package dev.lethe.server.metrics;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.RequestStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The service's own metrics: requests by state ({@code lethe_requests}), overdue requests ({@code
 * lethe_requests_overdue}), and rows deleted, anonymized and retained by erasures and retention
 * sweeps ({@code lethe_rows_total}). Counts come from Lethe's database, read at most every ten
 * seconds, so a scrape costs no query and every instance reports the same.
 */
@Component
public class RequestMetrics implements Consumer<Receipt> {

  private static final Duration FRESH = Duration.ofSeconds(10);

  private final RequestStore store;
  private final Clock clock;
  private final Map<Outcome, Counter> rows = new EnumMap<>(Outcome.class);
  private Map<RequestState, Long> byState = new EnumMap<>(RequestState.class);
  private long overdue;
  private Instant readAt = Instant.MIN;

  RequestMetrics(RequestStore store, MeterRegistry registry, Clock clock) {
    this.store = store;
    this.clock = clock;
    for (RequestState state : RequestState.values()) {
      Gauge.builder("lethe.requests", () -> counts().getOrDefault(state, 0L))
          .description("Deletion requests by state")
          .tag("state", state.code())
          .register(registry);
    }
    Gauge.builder("lethe.requests.overdue", this::overdue)
        .description("Open requests past their completion date")
        .register(registry);
    for (Outcome outcome : Outcome.values()) {
      rows.put(
          outcome,
          Counter.builder("lethe.rows")
              .description("Rows handled by erasures and retention sweeps, by outcome")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  /** A run's receipt entered the ledger. */
  @Override
  public void accept(Receipt receipt) {
    for (Outcome outcome : Outcome.values()) {
      rows.get(outcome).increment(receipt.total(outcome));
    }
  }

  /** Rows a retention sweep handled. */
  public void retention(Outcome outcome, long count) {
    rows.get(outcome).increment(count);
  }

  private synchronized Map<RequestState, Long> counts() {
    refresh();
    return byState;
  }

  private synchronized long overdue() {
    refresh();
    return overdue;
  }

  private void refresh() {
    Instant now = clock.instant();
    if (readAt.plus(FRESH).isAfter(now)) {
      return;
    }
    byState = store.countByState();
    overdue = store.count(RequestFilter.all().overdueAt(now));
    readAt = now;
  }
}
