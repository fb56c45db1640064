package dev.lethe.bench.callbacks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own time to verify and record a data-deletion callback during one phase: the
 * cumulative buckets of its histogram ({@code lethe_meta_callback_duration_seconds}) read from
 * {@code /actuator/prometheus} before and after the phase, and their differences. The open loop's
 * latency runs from each request's scheduled start and counts every stall between it and the
 * answer, the load generator's own included; this counts only the server's handling of the callback
 * (verification, the desk, the group commit), not Tomcat's queue or the HTTP layers.
 *
 * <p>With it, the server's compiler's time so far ({@code jvm_compilation_time_ms_total}, summed
 * over its threads): whether the just-in-time compiler still works while a phase is measured.
 *
 * @param buckets requests per upper bound in seconds, cumulative (Prometheus's {@code le})
 * @param compileMillis the server's compiler's time so far, in milliseconds (0 if not exposed)
 */
record ServerLatency(Map<Double, Long> buckets, double compileMillis) {

  private static final Pattern BUCKET =
      Pattern.compile(
          "^lethe_meta_callback_duration_seconds_bucket\\{(?=[^}]*callback=\"data_deletion\")"
              + "[^}]*le=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)",
          Pattern.MULTILINE);

  private static final Pattern COMPILATION =
      Pattern.compile(
          "^jvm_compilation_time_ms_total(?:\\{[^}]*})? ([0-9.eE+]+)", Pattern.MULTILINE);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** The histogram now; empty if the server has recorded no data-deletion callback yet. */
  static ServerLatency read(URI base) throws IOException, InterruptedException {
    HttpResponse<String> metrics =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (metrics.statusCode() != 200) {
      throw new IOException("/actuator/prometheus answered " + metrics.statusCode());
    }
    return parse(metrics.body());
  }

  static ServerLatency parse(String exposition) {
    Map<Double, Long> buckets = new TreeMap<>();
    Matcher m = BUCKET.matcher(exposition);
    while (m.find()) {
      double le =
          m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
      buckets.merge(le, (long) Double.parseDouble(m.group(2)), Long::sum);
    }
    double compiling = 0;
    Matcher c = COMPILATION.matcher(exposition);
    while (c.find()) {
      compiling += Double.parseDouble(c.group(1));
    }
    return new ServerLatency(buckets, compiling);
  }

  /**
   * The upper bound, in milliseconds, of the bucket holding the {@code percentile}th of the
   * callbacks recorded between {@code before} and this; NaN when there were none.
   */
  double millisSince(ServerLatency before, double percentile) {
    long total = delta(before, Double.POSITIVE_INFINITY);
    if (total <= 0) {
      return Double.NaN;
    }
    double wanted = Math.ceil(total * percentile / 100.0);
    for (double le : buckets.keySet()) {
      if (delta(before, le) >= wanted) {
        return le * 1000.0;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The server's compiler's time, in milliseconds, between {@code before} and this. */
  double compileMillisSince(ServerLatency before) {
    return compileMillis - before.compileMillis();
  }

  private long delta(ServerLatency before, double le) {
    return buckets.getOrDefault(le, 0L) - before.buckets().getOrDefault(le, 0L);
  }
}
