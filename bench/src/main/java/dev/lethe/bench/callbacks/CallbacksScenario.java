package dev.lethe.bench.callbacks;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.bench.BenchTarget;
import dev.lethe.bench.ContestantResult;
import dev.lethe.bench.Scenario;
import dev.lethe.bench.ScenarioResult;
import dev.lethe.bench.engine.BenchPlatform;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Meta data-deletion callbacks against the packaged server on loopback, its tables on the target
 * database: verified and durably recorded callbacks per second with {@code clients} concurrent
 * senders (saturation), and latency at a fixed 1,000 requests a second (open loop). The baseline is
 * the same server's {@code /actuator/health} under the same loads: the cost of HTTP here.
 * Afterwards every 200 must be a stored request, under the confirmation code it answered.
 */
public final class CallbacksScenario implements Scenario {

  static final String LETHE_INTAKE = "lethe intake-only";
  static final String LETHE_IN_PROCESS = "lethe with erasures";
  static final String HEALTH = "actuator-health";

  private static final String APP_SECRET = "lethe-bench-meta-app-secret";

  @Override
  public String name() {
    return "callbacks";
  }

  @Override
  public boolean supports(BenchTarget target) {
    return target.vendor() == Vendor.POSTGRESQL || target.vendor() == Vendor.MARIADB;
  }

  @Override
  public ScenarioResult run(BenchTarget target) throws Exception {
    CallbackPlan phases = CallbackPlan.of(target.size());
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "load average %.2f on %d processors before the run; the server and the load"
                + " generator share them",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors()));
    Path dir = Files.createTempDirectory("lethe-bench-callbacks");
    Path jar =
        Path.of(target.option("server-jar").orElse("server/target/lethe-server.jar"))
            .toAbsolutePath();
    LoadGenerator load = new LoadGenerator();
    try (HikariDataSource dataSource = target.openDataSource("bench-callbacks")) {
      ReferencePlatform.dropSchema(dataSource);
      ReferencePlatform.createSchema(dataSource);
      PlatformGenerator.generateSmall(dataSource, 42);
      BenchPlatform.refreshStatistics(dataSource, target.vendor());
      Saturation saturation = new Saturation(load, WrkLoad.find(dir), phases);
      notes.add(saturation.describe());
      Rounds rounds = new Rounds(target, jar, dir, phases, load, saturation, dataSource, notes);
      Rounds.Round intake = rounds.serve("intake-only instance", false, true);
      Rounds.Round inProcess = rounds.serve("erasures in the same process", true, false);
      notes.add(
          "saturation: "
              + phases.clients()
              + " concurrent clients for "
              + phases.saturation().toSeconds()
              + " s after "
              + phases.warmUp().toSeconds()
              + " s of warm-up; fixed rate: "
              + phases.rate()
              + " requests/s for "
              + phases.fixedRate().toSeconds()
              + " s after as long a phase at that rate not measured, latency from each"
              + " request's scheduled start");
      List<ContestantResult> results =
          List.of(
              contestant(
                  LETHE_INTAKE,
                  "callbacks",
                  intake.callbacks(),
                  intake.callbacksFixed(),
                  intake.serverFixed(),
                  intake.durable()),
              contestant(
                  LETHE_IN_PROCESS,
                  "callbacks",
                  inProcess.callbacks(),
                  inProcess.callbacksFixed(),
                  inProcess.serverFixed(),
                  inProcess.durable()),
              contestant(HEALTH, "requests", intake.health(), intake.healthFixed(), null, null));
      return new ScenarioResult(
          name(), target.database(), target.size().label(), HEALTH, results, notes);
    }
  }

  static byte[] form(URI uri, String body) {
    return RawHttp.post(uri, "application/x-www-form-urlencoded", body);
  }

  static IntFunction<byte[]> get(URI uri) {
    byte[] request = RawHttp.get(uri);
    return i -> request;
  }

  private static ContestantResult contestant(
      String name,
      String unit,
      LoadGenerator.Phase saturation,
      LoadGenerator.Phase fixed,
      double[] serverFixed,
      Boolean verified) {
    Map<String, Double> extra = new LinkedHashMap<>();
    extra.put("saturation_p50_ms", saturation.millis(50));
    extra.put("saturation_p99_ms", saturation.millis(99));
    extra.put("saturation_failed", (double) saturation.failed());
    extra.put("fixed_rate_sent", (double) fixed.sent());
    extra.put("fixed_rate_ok", (double) fixed.ok());
    extra.put("p50_ms", fixed.millis(50));
    extra.put("p99_ms", fixed.millis(99));
    extra.put("p999_ms", fixed.millis(99.9));
    extra.put("max_ms", fixed.millis(100));
    extra.put("fixed_rate_failed", (double) fixed.failed());
    if (serverFixed != null && Double.isFinite(serverFixed[0]) && Double.isFinite(serverFixed[1])) {
      // the server's own handling of the same callbacks, from its histogram: bucket bounds
      extra.put("server_p50_ms", serverFixed[0]);
      extra.put("server_p99_ms", serverFixed[1]);
    }
    if (serverFixed != null) {
      // the server's compiler's time during the fixed rate: near zero once it has settled
      extra.put("server_jit_ms", serverFixed[2]);
    }
    long elapsed = saturation.elapsedNanos() / 1_000_000;
    return new ContestantResult(
        name,
        elapsed,
        saturation.ok(),
        unit,
        saturation.okPerSecond(),
        extra,
        null,
        null,
        verified);
  }

  static List<String> settings(BenchTarget target, Path dir, boolean executes) {
    String user =
        target.option("user").orElse(target.vendor() == Vendor.MARIADB ? "root" : "postgres");
    String password = target.option("password").orElse("");
    List<String> settings = new ArrayList<>();
    settings.add("server.address=127.0.0.1");
    settings.add("lethe.data-dir=" + dir);
    settings.add("lethe.secret=lethe-bench-installation-secret");
    for (String database : List.of("state", "host")) {
      settings.add("lethe." + database + ".url=" + target.jdbcUrl());
      settings.add("lethe." + database + ".username=" + user);
      settings.add("lethe." + database + ".password=" + password);
    }
    settings.add("lethe.host.files=" + dir.resolve("files"));
    settings.add("lethe.meta.apps[0].name=bench");
    settings.add("lethe.meta.apps[0].secret=" + APP_SECRET);
    settings.add("lethe.retention.enabled=false");
    // requests still executing when the run ends are resumed by a later start; no need to wait
    settings.add("lethe.execution.shutdown-wait=1s");
    settings.add("lethe.execution.enabled=" + executes);
    return settings;
  }

  /** {@code -Dlethe.bench.server-jvm="-XX:StartFlightRecording=…"} profiles the server. */
  static List<String> jvmOptions(CallbackPlan phases) {
    List<String> options = new ArrayList<>();
    if (phases.quickStart()) {
      options.add("-XX:TieredStopAtLevel=1");
    }
    String extra = System.getProperty("lethe.bench.server-jvm", "").strip();
    if (!extra.isEmpty()) {
      options.addAll(Arrays.asList(extra.split("\\s+")));
    }
    return options;
  }

  /** Meta user ids never used before on this database: each callback is a new request. */
  static final class Users {
    private long next = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

    List<String> next(int count) {
      List<String> bodies =
          SignedRequests.bodies(APP_SECRET, next, count, Instant.now().getEpochSecond());
      next += count;
      return bodies;
    }
  }
}
