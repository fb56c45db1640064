package dev.lethe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's command line refuses options that do not fit, before it touches a database. */
class BenchMainTest {

  private final StringWriter err = new StringWriter();

  /** Runs scenario {@code scenario} with {@code --pauses pauses} against a port nothing serves. */
  private int withPauses(String scenario, String pauses) {
    return with(scenario, "--pauses", pauses);
  }

  private int with(String scenario, String... options) {
    return on("jdbc:postgresql://127.0.0.1:1/none", scenario, options);
  }

  /** The same against the database at {@code url}. */
  private int on(String url, String scenario, String... options) {
    err.getBuffer().setLength(0);
    CommandLine cli = new CommandLine(new BenchMain());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    List<String> args = new ArrayList<>(List.of("--db", url));
    args.addAll(List.of("--scenario", scenario));
    args.addAll(List.of(options));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void pauses_are_for_the_retention_scenario_only() {
    assertThat(withPauses("workspace", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("--pauses: only the retention scenario takes it");
  }

  @Test
  void a_pause_must_be_above_zero_and_at_most_a_hundred() {
    for (String ratio : new String[] {"0", "-1", "101", "NaN"}) {
      assertThat(withPauses("retention", "1," + ratio)).as(ratio).isEqualTo(2);
      assertThat(err.toString())
          .as(ratio)
          .contains("--pauses: each ratio is a number above 0, at most 100");
    }
  }

  @Test
  void a_pause_that_is_not_a_number_is_refused_by_name() {
    assertThat(withPauses("retention", "fast")).isEqualTo(2);
    assertThat(err.toString()).contains("--pauses");
  }

  @Test
  void without_files_is_for_the_retention_scenario_only() {
    assertThat(with("contacts", "--without-files")).isEqualTo(2);
    assertThat(err.toString()).contains("--without-files: only the retention scenario takes it");
  }

  @Test
  void a_paced_batch_is_for_the_retention_scenario_only_and_of_a_size_it_takes() {
    assertThat(with("workspace", "--paced-batch", "250")).isEqualTo(2);
    assertThat(err.toString()).contains("--paced-batch: only the retention scenario takes it");
    for (String size : new String[] {"0", "-5", "5001"}) {
      assertThat(with("retention", "--paced-batch", size)).as(size).isEqualTo(2);
      assertThat(err.toString()).as(size).contains("--paced-batch: from 1 to 5000 messages");
    }
  }

  @Test
  void paced_only_is_for_the_retention_scenario_and_needs_pauses_where_none_are_default() {
    assertThat(with("contacts", "--paced-only")).isEqualTo(2);
    assertThat(err.toString()).contains("--paced-only: only the retention scenario takes it");
    assertThat(with("retention", "--paced-only")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--paced-only: give --pauses too (only MariaDB has a paced run by default)");
  }

  @Test
  void paced_rates_are_multiples_of_pt_archivers_rate_with_paced_only_on_mariadb() {
    String mariadb = "jdbc:mariadb://127.0.0.1:1/none";
    assertThat(on(mariadb, "workspace", "--paced-only", "--paced-rates", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--paced-rates: only the retention scenario takes it");
    assertThat(on(mariadb, "retention", "--paced-rates", "1")).isEqualTo(2);
    assertThat(err.toString())
        .contains("--paced-rates: only with --paced-only on MariaDB (multiples of pt-archiver's");
    assertThat(with("retention", "--paced-only", "--paced-rates", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--paced-rates: only with --paced-only on MariaDB");
    for (String multiple : new String[] {"0", "-1", "101", "NaN"}) {
      assertThat(on(mariadb, "retention", "--paced-only", "--paced-rates", "1," + multiple))
          .as(multiple)
          .isEqualTo(2);
      assertThat(err.toString())
          .as(multiple)
          .contains("--paced-rates: each multiple is a number above 0, at most 100");
    }
  }

  @Test
  void paced_rounds_go_between_pt_archivers_runs_with_paced_only_on_mariadb() {
    String mariadb = "jdbc:mariadb://127.0.0.1:1/none";
    assertThat(on(mariadb, "workspace", "--paced-only", "--paced-rounds", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("--paced-rounds: only the retention scenario takes it");
    assertThat(on(mariadb, "retention", "--paced-rounds", "2")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--paced-rounds: only with --paced-only on MariaDB (rounds between pt-archiver's");
    assertThat(with("retention", "--paced-only", "--pauses", "2", "--paced-rounds", "2"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--paced-rounds: only with --paced-only on MariaDB");
    for (String rounds : new String[] {"0", "-1", "11"}) {
      assertThat(on(mariadb, "retention", "--paced-only", "--paced-rounds", rounds))
          .as(rounds)
          .isEqualTo(2);
      assertThat(err.toString()).as(rounds).contains("--paced-rounds: from 1 to 10");
    }
  }
}
