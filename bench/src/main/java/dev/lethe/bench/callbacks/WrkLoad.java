package dev.lethe.bench.callbacks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Closed-loop load from {@code wrk} (Debian package {@code wrk}): C, event-driven, a few percent of
 * a core where the JDK's HTTP client needs most of one, so on a two-core machine the server gets
 * the processors. A Lua script sends each pre-signed body once and records the confirmation code of
 * every 200 answer, so the durability check stays the same as with {@link LoadGenerator}.
 */
final class WrkLoad {

  private static final Pattern SUMMARY = Pattern.compile("^lethe-wrk (.*)$", Pattern.MULTILINE);
  private static final Pattern PAIR = Pattern.compile("(\\w+)=(-?\\d+)");

  private final Path executable;
  private final Path dir;
  private final int threads;

  private WrkLoad(Path executable, Path dir, int threads) {
    this.executable = executable;
    this.dir = dir;
    this.threads = threads;
  }

  /** wrk from the {@code PATH}, working in {@code dir}; empty when it is not installed. */
  static Optional<WrkLoad> find(Path dir) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(p -> !p.isBlank())
        .map(p -> Path.of(p, "wrk"))
        .filter(Files::isExecutable)
        .findFirst()
        .map(wrk -> new WrkLoad(wrk, dir, Math.min(2, Runtime.getRuntime().availableProcessors())));
  }

  /** POSTs each body once (form-encoded), {@code clients} connections, for {@code duration}. */
  LoadGenerator.Phase post(URI uri, List<String> bodies, int clients, Duration duration)
      throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir, "bodies", ".txt");
    Files.write(file, bodies, StandardCharsets.US_ASCII);
    try {
      return run(uri, file.toString(), clients, duration);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The same GET over and over. */
  LoadGenerator.Phase get(URI uri, int clients, Duration duration)
      throws IOException, InterruptedException {
    return run(uri, "-", clients, duration);
  }

  private LoadGenerator.Phase run(URI uri, String bodies, int clients, Duration duration)
      throws IOException, InterruptedException {
    Path script = dir.resolve("wrk-load.lua");
    if (!Files.exists(script)) {
      try (InputStream lua = WrkLoad.class.getResourceAsStream("wrk-load.lua")) {
        Files.copy(lua, script);
      }
    }
    Path codes = Files.createTempDirectory(dir, "codes");
    List<String> command =
        List.of(
            executable.toString(),
            "-t" + threads,
            "-c" + Math.max(threads, clients),
            "-d" + Math.max(1, duration.toSeconds()) + "s",
            "--timeout",
            "10s",
            "-s",
            script.toString(),
            uri.toString(),
            "--",
            bodies,
            String.valueOf(threads),
            codes.resolve("thread-").toString());
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      wrk.destroyForcibly();
      throw new IOException("wrk failed: " + output.strip());
    }
    Matcher line = SUMMARY.matcher(output);
    if (!line.find()) {
      throw new IOException("wrk printed no summary: " + output.strip());
    }
    Map<String, Long> values = new LinkedHashMap<>();
    Matcher pair = PAIR.matcher(line.group(1));
    while (pair.find()) {
      values.put(pair.group(1), Long.parseLong(pair.group(2)));
    }
    return phase(values, readCodes(codes));
  }

  private static Set<String> readCodes(Path codes) throws IOException {
    Set<String> all = new HashSet<>();
    try (Stream<Path> files = Files.list(codes)) {
      for (Path file : files.toList()) {
        Files.readAllLines(file).stream().filter(c -> !c.isBlank()).forEach(all::add);
        Files.delete(file);
      }
    }
    Files.delete(codes);
    return all;
  }

  private static LoadGenerator.Phase phase(Map<String, Long> v, Set<String> codes) {
    int requests = Math.toIntExact(v.get("requests"));
    int ok = Math.toIntExact(v.get("ok"));
    Map<String, Integer> failures = new LinkedHashMap<>();
    for (String kind : List.of("connect", "read", "write", "timeout")) {
      if (v.get(kind) > 0) {
        failures.put("socket " + kind + " errors", Math.toIntExact(v.get(kind)));
      }
    }
    if (requests - ok > 0) {
      failures.put("answers other than 200", requests - ok);
    }
    int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
    Map<Double, Long> micros =
        Map.of(50.0, v.get("p50"), 99.0, v.get("p99"), 99.9, v.get("p999"), 100.0, v.get("max"));
    return new LoadGenerator.Phase(
        requests,
        ok,
        failed,
        v.get("duration_us") * 1_000,
        p -> {
          Long value = micros.get(p);
          if (value == null) {
            throw new IllegalArgumentException("wrk reported no " + p + "th percentile");
          }
          return value;
        },
        Set.copyOf(codes),
        Map.copyOf(failures));
  }
}
