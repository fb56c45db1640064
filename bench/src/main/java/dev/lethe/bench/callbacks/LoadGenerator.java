package dev.lethe.bench.callbacks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends HTTP requests from virtual threads ({@link RawHttp}: HTTP/1.1 with keep-alive) in one of
 * two ways: closed-loop, {@code clients} senders each waiting for its answer before the next, as
 * fast as the server takes them (saturation); or open-loop, requests started on a fixed schedule
 * whatever the answers do, latency measured from each request's intended start (so a stalled server
 * is charged for every request it delays: no coordinated omission).
 */
final class LoadGenerator {

  private static final Pattern CODE = Pattern.compile("\"confirmation_code\"\\s*:\\s*\"([^\"]+)\"");

  /**
   * What one phase measured.
   *
   * @param latencyMicros a latency percentile (0–100) in microseconds
   * @param codes the confirmation codes of the answers that carried one
   * @param failures failed requests by HTTP status or exception
   */
  record Phase(
      int sent,
      int ok,
      int failed,
      long elapsedNanos,
      DoubleUnaryOperator latencyMicros,
      Set<String> codes,
      Map<String, Integer> failures) {

    double okPerSecond() {
      return ok * 1e9 / Math.max(1, elapsedNanos);
    }

    double millis(double percentile) {
      return latencyMicros.applyAsDouble(percentile) / 1000.0;
    }
  }

  /** Closed loop: {@code clients} senders until {@code duration} is over or requests run out. */
  Phase saturate(
      URI server, IntFunction<byte[]> requests, int available, int clients, Duration duration)
      throws InterruptedException {
    Tally tally = new Tally();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    try (RawHttp http = new RawHttp(server);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        senders.submit(
            () -> {
              int i;
              while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < available) {
                long sent = System.nanoTime();
                tally.send(http, requests.apply(i), sent);
              }
            });
      }
    }
    return tally.phase(System.nanoTime() - started);
  }

  /** Open loop: {@code perSecond} requests a second for {@code duration}. */
  Phase openLoop(URI server, IntFunction<byte[]> requests, int perSecond, Duration duration)
      throws InterruptedException {
    Tally tally = new Tally();
    int total = (int) (perSecond * duration.toMillis() / 1000);
    long period = 1_000_000_000L / perSecond;
    long started = System.nanoTime();
    try (RawHttp http = new RawHttp(server);
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < total; i++) {
        long intended = started + i * period;
        long wait = intended - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        byte[] request = requests.apply(i);
        senders.submit(() -> tally.send(http, request, intended));
      }
    }
    return tally.phase(System.nanoTime() - started);
  }

  /** Counts and latencies of one phase, recorded from many threads. */
  private static final class Tally {
    private final Histogram latency = new ConcurrentHistogram(3);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    void send(RawHttp http, byte[] request, long intendedNanos) {
      sent.incrementAndGet();
      try {
        RawHttp.Answer answer = http.send(request);
        latency.recordValue(Math.max(1, (System.nanoTime() - intendedNanos) / 1_000));
        if (answer.status() == 200) {
          ok.incrementAndGet();
          Matcher code = CODE.matcher(answer.body());
          if (code.find()) {
            codes.add(code.group(1));
          }
        } else {
          fail("HTTP " + answer.status());
        }
      } catch (IOException e) {
        String message = String.valueOf(e.getMessage());
        fail(
            e.getClass().getSimpleName()
                + ": "
                + (message.length() > 60 ? message.substring(0, 60) : message));
      }
    }

    private void fail(String why) {
      failed.incrementAndGet();
      failures.merge(why, 1, Integer::sum);
    }

    Phase phase(long elapsedNanos) {
      return new Phase(
          sent.get(),
          ok.get(),
          failed.get(),
          elapsedNanos,
          latency::getValueAtPercentile,
          Set.copyOf(codes),
          Map.copyOf(failures));
    }
  }
}
