package dev.lethe.bench.callbacks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The closed-loop phases of the callbacks scenario: driven by {@code wrk} where it is installed, by
 * Lethe's own client otherwise (which then competes with the server for the processors).
 */
final class Saturation {

  private final LoadGenerator own;
  private final Optional<WrkLoad> wrk;
  private final CallbackPlan plan;

  Saturation(LoadGenerator own, Optional<WrkLoad> wrk, CallbackPlan plan) {
    this.own = own;
    this.wrk = wrk;
    this.plan = plan;
  }

  String describe() {
    return "closed loop driven by "
        + (wrk.isPresent()
            ? "wrk (" + plan.clients() + " connections)"
            : "the benchmark's own client (wrk is not installed): it takes processor time from"
                + " the server");
  }

  /**
   * How many requests {@code phases} closed-loop phases may leave stored but unanswered: wrk stops
   * at its deadline with a request in flight on each connection; the benchmark's own client waits
   * for them.
   */
  int cutOffAllowance(int phases) {
    return wrk.isPresent() ? phases * plan.clients() : 0;
  }

  LoadGenerator.Phase post(URI uri, List<String> bodies, Duration phase)
      throws IOException, InterruptedException {
    if (wrk.isPresent()) {
      return wrk.get().post(uri, bodies, plan.clients(), phase);
    }
    return own.saturate(
        uri, i -> CallbacksScenario.form(uri, bodies.get(i)), bodies.size(), plan.clients(), phase);
  }

  LoadGenerator.Phase get(URI uri, Duration phase) throws IOException, InterruptedException {
    if (wrk.isPresent()) {
      return wrk.get().get(uri, plan.clients(), phase);
    }
    return own.saturate(
        uri, CallbacksScenario.get(uri), plan.closedLoopRequests(phase), plan.clients(), phase);
  }
}
