package dev.lethe.bench.callbacks;

import dev.lethe.bench.BenchTarget;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * The rounds of the callbacks scenario, each against a server started for it on the same database:
 * warm-up, saturation and the fixed rate (after an open-loop phase as long, not measured) for the
 * callbacks (and the health endpoint), then the check that every callback answered 200 is a request
 * stored under the code it answered.
 */
final class Rounds {

  private final BenchTarget target;
  private final Path jar;
  private final Path dir;
  private final CallbackPlan phases;
  private final LoadGenerator load;
  private final Saturation saturation;
  private final DataSource dataSource;
  private static final Duration HEALTH_WARM_UP = Duration.ofSeconds(5);

  private final List<String> notes;
  private final CallbacksScenario.Users users = new CallbacksScenario.Users();

  Rounds(
      BenchTarget target,
      Path jar,
      Path dir,
      CallbackPlan phases,
      LoadGenerator load,
      Saturation saturation,
      DataSource dataSource,
      List<String> notes) {
    this.target = target;
    this.jar = jar;
    this.dir = dir;
    this.phases = phases;
    this.load = load;
    this.saturation = saturation;
    this.dataSource = dataSource;
    this.notes = notes;
  }

  /** What one round measured; the health phases only where they were asked for. */
  /**
   * @param serverFixed the server's own p50 and p99 (ms) for the callbacks of the fixed-rate phase
   *     ({@link ServerLatency}): bucket bounds; then its compiler's time during that phase (ms)
   */
  record Round(
      LoadGenerator.Phase callbacks,
      LoadGenerator.Phase callbacksFixed,
      double[] serverFixed,
      LoadGenerator.Phase health,
      LoadGenerator.Phase healthFixed,
      boolean durable) {}

  /**
   * A server that {@code executes} erasures in its own process or only takes requests in (the
   * erasures left to other instances), measured; with the health endpoint too if {@code health}.
   */
  Round serve(String label, boolean executes, boolean health) throws Exception {
    LetheTables.drop(dataSource, target.vendor());
    Set<String> storedBefore = StoredRequests.codes(dataSource);
    Path serverDir = dir.resolve(executes ? "executing" : "intake-only");
    Files.createDirectories(serverDir);
    try (ServerProcess server =
        ServerProcess.start(
            jar,
            CallbacksScenario.settings(target, serverDir, executes),
            CallbacksScenario.jvmOptions(phases),
            serverDir,
            Duration.ofMinutes(3))) {
      notes.add(label + ": server log " + server.log());
      URI callback = server.base().resolve("/api/data-deletion");
      URI healthUri = server.base().resolve("/actuator/health");
      List<LoadGenerator.Phase> warmUp = new ArrayList<>();
      warmUp.add(saturation.post(callback, bodies(phases.warmUp()), phases.warmUp()));
      settle(label, server.base(), callback, warmUp);
      LoadGenerator.Phase callbacks =
          saturation.post(callback, bodies(phases.saturation()), phases.saturation());
      LoadGenerator.Phase healthPhase = null;
      if (health) {
        // the callbacks warmed the server's HTTP layer already
        saturation.get(healthUri, Collections.min(List.of(HEALTH_WARM_UP, phases.warmUp())));
        healthPhase = saturation.get(healthUri, phases.saturation());
      }
      LoadGenerator.Phase callbacksOpenWarmUp = openWarmUp(label, server, callback, true);
      OpenLoop fixed = openLoop(server, callback, true);
      LoadGenerator.Phase callbacksFixed = fixed.phase();
      double[] serverFixed = {
        fixed.after().millisSince(fixed.before(), 50),
        fixed.after().millisSince(fixed.before(), 99),
        fixed.after().compileMillisSince(fixed.before())
      };
      LoadGenerator.Phase healthFixed = null;
      if (health) {
        openWarmUp(label, server, healthUri, false);
        healthFixed = openLoop(server, healthUri, false).phase();
      }
      List<LoadGenerator.Phase> sent = new ArrayList<>(warmUp);
      sent.add(callbacks);
      int closedLoops = sent.size();
      sent.add(callbacksOpenWarmUp);
      sent.add(callbacksFixed);
      boolean durable = durable(label, storedBefore, sent, closedLoops);
      Map<String, LoadGenerator.Phase> named = new LinkedHashMap<>();
      for (int i = 0; i < warmUp.size(); i++) {
        named.put("callbacks warm-up " + (i + 1), warmUp.get(i));
      }
      named.put("callbacks saturation", callbacks);
      named.put("callbacks open-loop warm-up", callbacksOpenWarmUp);
      named.put("callbacks fixed rate", callbacksFixed);
      failures(label, named);
      if (health) {
        failures(label, Map.of("health saturation", healthPhase, "health fixed rate", healthFixed));
      }
      return new Round(callbacks, callbacksFixed, serverFixed, healthPhase, healthFixed, durable);
    }
  }

  /**
   * Goes on with the warm-up's load in settling phases ({@link CallbackPlan#settling}) until one
   * spends at most {@link CallbackPlan#SETTLED_SHARE} of its time in the server's compiler, or
   * {@link CallbackPlan#MAX_SETTLING} have run; adds them to {@code warmUp} and says so in the
   * notes.
   */
  private void settle(String label, URI base, URI callback, List<LoadGenerator.Phase> warmUp)
      throws Exception {
    if (phases.settling().isZero()) {
      return;
    }
    ServerLatency before = ServerLatency.read(base);
    double share = Double.NaN;
    int ran = 0;
    while (ran < CallbackPlan.MAX_SETTLING && !(share <= CallbackPlan.SETTLED_SHARE)) {
      long started = System.nanoTime();
      warmUp.add(saturation.post(callback, bodies(phases.settling()), phases.settling()));
      ServerLatency after = ServerLatency.read(base);
      share = after.compileMillisSince(before) / ((System.nanoTime() - started) / 1e6);
      before = after;
      ran++;
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "%s: %d settling phases of %d s after the warm-up; the server's compiler worked %.0f %%"
                + " of the last one (%s)",
            label,
            ran,
            phases.settling().toSeconds(),
            share * 100,
            share <= CallbackPlan.SETTLED_SHARE ? "settled" : "not settled"));
  }

  /**
   * An open-loop phase at the fixed rate to {@code uri}, the callback endpoint if {@code callbacks}
   * (each request a new one), else the health endpoint, as long as the measured one, before it and
   * not measured: the load generator's own code and connections, and the server's paths for a
   * request at a time, warm before the phase that is (the closed loops before it run in wrk). What
   * it measured goes in the notes: the latency the first open-loop phase would have reported, the
   * server's compiler time in it and, for the callbacks, the server's own p99.
   */
  private LoadGenerator.Phase openWarmUp(
      String label, ServerProcess server, URI uri, boolean callbacks) throws Exception {
    OpenLoop warm = openLoop(server, uri, callbacks);
    notes.add(
        String.format(
            Locale.ROOT,
            "%s: %s: an open-loop phase at the fixed rate first, not measured (the load"
                + " generator's code and connections warm): p50 %.1f ms, p99 %.1f ms,%s the"
                + " server's compiler %.0f ms",
            label,
            callbacks ? "callbacks" : "health",
            warm.phase().millis(50),
            warm.phase().millis(99),
            callbacks
                ? String.format(
                    Locale.ROOT,
                    " the server's own p99 %.1f ms,",
                    warm.after().millisSince(warm.before(), 99))
                : "",
            warm.after().compileMillisSince(warm.before())));
    return warm.phase();
  }

  /** An open-loop phase and the server's latency and compiler time read either side of it. */
  private record OpenLoop(LoadGenerator.Phase phase, ServerLatency before, ServerLatency after) {}

  /**
   * An open-loop phase at the fixed rate to {@code uri}: the callback endpoint if {@code callbacks}
   * (each request a new one), else the health endpoint.
   */
  private OpenLoop openLoop(ServerProcess server, URI uri, boolean callbacks) throws Exception {
    IntFunction<byte[]> requests = CallbacksScenario.get(uri);
    if (callbacks) {
      List<String> bodies = users.next(phases.openLoopRequests());
      requests = i -> CallbacksScenario.form(uri, bodies.get(i));
    }
    ServerLatency before = ServerLatency.read(server.base());
    LoadGenerator.Phase phase = load.openLoop(uri, requests, phases.rate(), phases.fixedRate());
    return new OpenLoop(phase, before, ServerLatency.read(server.base()));
  }

  private List<String> bodies(Duration phase) {
    return users.next(phases.closedLoopRequests(phase));
  }

  /**
   * Whether every code {@code sent} answered is stored; its first {@code closedLoops} phases closed
   * loops, the rest open loops.
   */
  private boolean durable(
      String label, Set<String> storedBefore, List<LoadGenerator.Phase> sent, int closedLoops)
      throws SQLException {
    Set<String> stored = StoredRequests.codes(dataSource);
    stored.removeAll(storedBefore);
    int ok = sent.stream().mapToInt(LoadGenerator.Phase::ok).sum();
    Set<String> codes = new HashSet<>();
    sent.forEach(p -> codes.addAll(p.codes()));
    // wrk stops at its deadline with up to one request in flight per connection: the server
    // stores those, their answers are never read
    int cutOff = stored.size() - ok;
    boolean durable =
        codes.size() == ok
            && stored.containsAll(codes)
            && cutOff >= 0
            // an open loop waits for every answer
            && cutOff <= saturation.cutOffAllowance(closedLoops);
    notes.add(
        label
            + ": durability: "
            + ok
            + " answers 200 with "
            + codes.size()
            + " distinct confirmation codes; "
            + stored.size()
            + " requests stored"
            + (durable ? ", every answered code among them" : ": MISMATCH")
            + (cutOff > 0 ? "; " + cutOff + " more were in flight when wrk stopped" : ""));
    return durable;
  }

  private void failures(String label, Map<String, LoadGenerator.Phase> phases) {
    phases.forEach(
        (name, phase) -> {
          if (phase.failed() > 0) {
            notes.add(label + ": " + name + " failures: " + phase.failures());
          }
        });
  }
}
