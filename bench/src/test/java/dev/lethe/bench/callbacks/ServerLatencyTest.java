package dev.lethe.bench.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's percentiles for one phase come from the differences of its cumulative buckets. */
class ServerLatencyTest {

  private static String exposition(long upTo5ms, long upTo10ms, long upTo250ms, long all) {
    return """
        # HELP lethe_meta_callback_duration_seconds Time to verify and durably record a Meta callback
        # TYPE lethe_meta_callback_duration_seconds histogram
        lethe_meta_callback_duration_seconds_bucket{callback="data_deletion",le="0.005"} %d
        lethe_meta_callback_duration_seconds_bucket{callback="data_deletion",le="0.01"} %d
        lethe_meta_callback_duration_seconds_bucket{callback="data_deletion",le="0.25"} %d
        lethe_meta_callback_duration_seconds_bucket{callback="data_deletion",le="+Inf"} %d
        lethe_meta_callback_duration_seconds_bucket{callback="deauthorize",le="0.005"} 900
        lethe_meta_callback_duration_seconds_bucket{callback="deauthorize",le="+Inf"} 900
        lethe_meta_callback_duration_seconds_count{callback="data_deletion"} %d
        """
        .formatted(upTo5ms, upTo10ms, upTo250ms, all, all);
  }

  @Test
  void a_phase_counts_only_what_was_recorded_during_it() {
    // before the phase: 1,000 slow callbacks of a warm-up; during it: 1,000 more, 980 within 5 ms,
    // 15 within 10 ms, 5 within 250 ms
    ServerLatency before = ServerLatency.parse(exposition(0, 0, 0, 1_000));
    ServerLatency after = ServerLatency.parse(exposition(980, 995, 1_000, 2_000));

    assertThat(after.millisSince(before, 50)).isEqualTo(5.0);
    assertThat(after.millisSince(before, 99)).isEqualTo(10.0);
    assertThat(after.millisSince(before, 99.9)).isEqualTo(250.0);
  }

  @Test
  void a_phase_without_callbacks_has_no_percentile() {
    ServerLatency same = ServerLatency.parse(exposition(1, 2, 3, 4));

    assertThat(same.millisSince(same, 99)).isNaN();
    assertThat(ServerLatency.parse("").buckets()).isEmpty();
    assertThat(ServerLatency.parse("").compileMillis()).isZero();
  }

  @Test
  void the_compilers_time_during_a_phase_is_the_difference_of_its_counter() {
    String compiler =
        """
        # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
        # TYPE jvm_compilation_time_ms_total counter
        jvm_compilation_time_ms_total{compiler="HotSpot 64-Bit Tiered Compilers"} %s
        """;
    ServerLatency before =
        ServerLatency.parse(exposition(0, 0, 0, 1) + compiler.formatted("41250.0"));
    ServerLatency after =
        ServerLatency.parse(exposition(1, 1, 1, 2) + compiler.formatted("41987.0"));

    assertThat(after.compileMillisSince(before)).isEqualTo(737.0);
  }
}
