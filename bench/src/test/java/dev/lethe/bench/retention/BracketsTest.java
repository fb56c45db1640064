package dev.lethe.bench.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.bench.ContestantResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lethe's paced runs set beside the pt-archiver runs either side of them. */
class BracketsTest {

  @Test
  void each_paced_run_is_set_beside_both_neighbours_and_the_rounds_by_their_medians() {
    List<ContestantResult> results =
        List.of(
            ptArchiver("pt-archiver --purge (batch 100, before Lethe)", 1000, 5.0),
            lethe("lethe (batch 100, 1× pt-archiver's rate, round 1)", 990, 6.0),
            ptArchiver("pt-archiver --purge (batch 100, after round 1)", 1100, 4.0),
            lethe("lethe (batch 100, 1× pt-archiver's rate, round 2)", 1100, 3.5),
            ptArchiver("pt-archiver --purge (batch 100, after Lethe)", 1200, 3.0));

    List<String> notes = Brackets.compare(results);

    assertThat(notes)
        .containsExactly(
            "lethe (batch 100, 1× pt-archiver's rate, round 1): 0.99× the rows/s of the"
                + " pt-archiver run before it; writer p99 6.00 ms, +1.00 ms against the run before"
                + " it (5.00 ms), +2.00 ms against the one after it (4.00 ms)",
            "lethe (batch 100, 1× pt-archiver's rate, round 2): 1.00× the rows/s of the"
                + " pt-archiver run before it; writer p99 3.50 ms, -0.50 ms against the run before"
                + " it (4.00 ms), +0.50 ms against the one after it (3.00 ms)",
            "writer p99 of Lethe's 2 paced runs against the pt-archiver runs either side: above"
                + " the one before in 1, the one after in 2; median difference +0.25 ms (before),"
                + " +1.25 ms (after)");
  }

  @Test
  void several_paced_runs_in_a_round_share_its_neighbours() {
    List<ContestantResult> results =
        List.of(
            ptArchiver("pt-archiver --purge (batch 250, before Lethe)", 1000, 5.0),
            lethe("lethe (batch 250, 1× pt-archiver's rate)", 1000, 7.0),
            lethe("lethe (batch 250, 1.1× pt-archiver's rate)", 1100, 8.0),
            ptArchiver("pt-archiver --purge (batch 250, after Lethe)", 1000, 4.0));

    List<String> notes = Brackets.compare(results);

    assertThat(notes).hasSize(3);
    assertThat(notes.get(1)).contains("1.10× the rows/s", "+3.00 ms", "+4.00 ms");
    assertThat(notes.get(2)).contains("median difference +2.50 ms (before), +3.50 ms (after)");
  }

  @Test
  void a_run_without_a_pt_archiver_run_on_both_sides_is_left_out() {
    List<ContestantResult> results =
        List.of(
            lethe("lethe (batch 1000)", 5000, 9.0),
            ptArchiver("pt-archiver --purge (batch 1000)", 1000, 5.0),
            ptArchiver("pt-archiver --purge --bulk-delete (batch 1000)", 4000, 8.0),
            lethe("lethe (adaptive)", 6000, 10.0),
            ptArchiver("pt-archiver --purge (batch 1000)", 1000, 5.0),
            lethe("lethe (batch 1000, pause 1×)", 3000, 7.0));

    assertThat(Brackets.compare(results)).isEmpty();
  }

  @Test
  void the_median_of_an_odd_and_an_even_count() {
    assertThat(Brackets.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Brackets.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  private static ContestantResult ptArchiver(String name, double perSecond, double p99) {
    return result(name, perSecond, p99, null);
  }

  private static ContestantResult lethe(String name, double perSecond, double p99) {
    return result(name, perSecond, p99, Boolean.TRUE);
  }

  private static ContestantResult result(
      String name, double perSecond, double p99, Boolean verified) {
    return new ContestantResult(
        name, 1000, 1000, "rows", perSecond, Map.of("writer_p99_ms", p99), 10L, null, verified);
  }
}
