package dev.lethe.bench.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import dev.lethe.bench.ContestantResult;
import dev.lethe.bench.ResultsJson;
import dev.lethe.bench.ScenarioResult;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.testing.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retention scenario run tiny on each database: every contestant purges exactly the aged
 * messages while the writer's rows and the newer ones stay, and Lethe's run is verified. Timings
 * are not checked.
 */
class RetentionScenarioTest {

  @Test
  void on_postgresql_lethe_and_the_single_delete_purge_exactly_the_aged_messages()
      throws Exception {
    ScenarioResult result = run(TestDatabase.Kind.POSTGRESQL, Vendor.POSTGRESQL, Map.of());

    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .containsExactly("lethe (adaptive)", "lethe (batch 1000)", "single DELETE");
    assertThat(result.baseline()).isEqualTo("single DELETE");
  }

  @Test
  void on_mariadb_lethe_and_pt_archiver_purge_exactly_the_aged_messages() throws Exception {
    ScenarioResult result = run(TestDatabase.Kind.MARIADB, Vendor.MARIADB, Map.of());

    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .startsWith("lethe (batch 1000)")
        .contains("lethe (adaptive)", "lethe (batch 1000, pause 1×)", "single DELETE");
    if (PtArchiver.installed()) {
      assertThat(result.contestants())
          .extracting(ContestantResult::name)
          .contains(
              "pt-archiver --purge (batch 1000)", "pt-archiver --purge --bulk-delete (batch 1000)");
    }
  }

  @Test
  void the_pauses_option_adds_a_paced_purge_for_each_ratio_in_batches_of_the_paced_size()
      throws Exception {
    ScenarioResult result =
        run(
            TestDatabase.Kind.POSTGRESQL,
            Vendor.POSTGRESQL,
            Map.of("pauses", "0.5,3.0", "paced-batch", "250"));

    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .containsExactly(
            "lethe (adaptive)",
            "lethe (batch 1000)",
            "lethe (batch 250, pause 0.5×)",
            "lethe (batch 250, pause 3×)",
            "single DELETE");
  }

  @Test
  void paced_only_runs_the_paced_purges_between_two_runs_of_their_baseline_at_their_batch_size()
      throws Exception {
    ScenarioResult onMariadb =
        run(
            TestDatabase.Kind.MARIADB,
            Vendor.MARIADB,
            Map.of("paced-only", "true", "pauses", "2.0", "paced-batch", "250"));
    ScenarioResult onPostgresql =
        run(
            TestDatabase.Kind.POSTGRESQL,
            Vendor.POSTGRESQL,
            Map.of("paced-only", "true", "pauses", "2.0", "paced-batch", "250"));

    if (PtArchiver.installed()) {
      assertThat(onMariadb.contestants())
          .extracting(ContestantResult::name)
          .containsExactly(
              "pt-archiver --purge (batch 250, before Lethe)",
              "lethe (batch 250, pause 2×)",
              "pt-archiver --purge (batch 250, after Lethe)");
      assertThat(onMariadb.baseline()).isEqualTo("pt-archiver --purge (batch 250, before Lethe)");
      assertThat(onMariadb.notes()).anyMatch(n -> n.contains("again after them"));
    } else {
      assertThat(onMariadb.contestants())
          .extracting(ContestantResult::name)
          .containsExactly("lethe (batch 250, pause 2×)");
      assertThat(onMariadb.notes()).anyMatch(n -> n.contains("pt-archiver is not installed"));
    }
    assertThat(onPostgresql.contestants())
        .extracting(ContestantResult::name)
        .containsExactly("lethe (batch 250, pause 2×)", "single DELETE");
  }

  @Test
  void paced_rates_hold_lethe_to_multiples_of_the_rate_pt_archiver_reached_before_it()
      throws Exception {
    Map<String, String> options =
        Map.of("paced-only", "true", "paced-rates", "0.5,1.0", "paced-batch", "250");
    ScenarioResult result = rated(options);
    if (result == null) {
      return;
    }

    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .containsExactly(
            "pt-archiver --purge (batch 250, before Lethe)",
            "lethe (batch 250, 0.5× pt-archiver's rate)",
            "lethe (batch 250, 1× pt-archiver's rate)",
            "pt-archiver --purge (batch 250, after Lethe)");
    double measured = result.contestants().getFirst().perSecond();
    for (String each : List.of("0.5× pt-archiver's rate", "1× pt-archiver's rate")) {
      assertThat(result.notes())
          .as(each)
          .anyMatch(
              n ->
                  n.startsWith("lethe (batch 250, " + each + "): max_rows_per_second: ")
                      && n.endsWith("rows/s of pt-archiver --purge (batch 250, before Lethe)"));
    }
    // the rate given is the multiple of the one measured, in whole rows a second
    assertThat(result.notes())
        .anyMatch(
            n ->
                n.startsWith(
                    "lethe (batch 250, 1× pt-archiver's rate): max_rows_per_second: "
                        + Math.max(1, Math.round(measured))
                        + ","));
  }

  @Test
  void paced_rounds_alternate_with_pt_archiver_each_round_held_to_the_run_just_before_it()
      throws Exception {
    Map<String, String> options =
        Map.of(
            "paced-only", "true", "paced-rates", "1.0", "paced-rounds", "2", "paced-batch", "250");
    ScenarioResult result = rated(options);
    if (result == null) {
      return;
    }

    List<ContestantResult> contestants = result.contestants();
    assertThat(contestants)
        .extracting(ContestantResult::name)
        .containsExactly(
            "pt-archiver --purge (batch 250, before Lethe)",
            "lethe (batch 250, 1× pt-archiver's rate, round 1)",
            "pt-archiver --purge (batch 250, after round 1)",
            "lethe (batch 250, 1× pt-archiver's rate, round 2)",
            "pt-archiver --purge (batch 250, after Lethe)");
    assertThat(result.baseline()).isEqualTo("pt-archiver --purge (batch 250, before Lethe)");
    // each round is held to the rate of the pt-archiver run just before it
    for (int round = 1; round <= 2; round++) {
      ContestantResult before = contestants.get(2 * round - 2);
      String lethe = contestants.get(2 * round - 1).name();
      assertThat(result.notes())
          .as(lethe)
          .anyMatch(
              n ->
                  n.startsWith(
                          lethe
                              + ": max_rows_per_second: "
                              + Math.max(1, Math.round(before.perSecond()))
                              + ",")
                      && n.endsWith("rows/s of " + before.name()));
      assertThat(result.notes())
          .as(lethe)
          .anyMatch(n -> n.startsWith(lethe + ": ") && n.contains("against the run before it"));
    }
    assertThat(result.notes())
        .anyMatch(n -> n.startsWith("writer p99 of Lethe's 2 paced runs against the pt-archiver"));
  }

  @Test
  void a_rule_held_to_a_rate_keeps_its_pause_and_batch_and_names_the_rate() {
    String text = ReferencePlatform.dataMapText();
    DataMap rated = LethePurge.paced(ReferencePlatform.dataMapResource(), text, 0, 250, 1_234);

    assertThat(LethePurge.rule(rated).maxRowsPerSecond()).isEqualTo(1_234);
    assertThat(LethePurge.rule(rated).batch()).isEqualTo(250);
    assertThat(LethePurge.rule(rated).pauseRatio()).isZero();
    assertThat(LethePurge.rule(LethePurge.paced(ReferencePlatform.dataMapResource(), text, 2, 250)))
        .extracting(r -> r.maxRowsPerSecond())
        .isEqualTo(0L);
  }

  @Test
  void without_files_lethe_purges_the_same_rows_leaving_the_files_as_the_baselines_do()
      throws Exception {
    ScenarioResult result =
        run(TestDatabase.Kind.POSTGRESQL, Vendor.POSTGRESQL, Map.of("without-files", "true"));

    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .containsExactly("lethe (adaptive)", "lethe (batch 1000)", "single DELETE");
    assertThat(result.notes()).anyMatch(n -> n.contains("--without-files"));
  }

  @Test
  void without_files_only_the_attachments_lose_their_files() {
    String text = ReferencePlatform.dataMapText();
    DataMap with = DataMapLoader.load(ReferencePlatform.dataMapResource(), text);
    DataMap without =
        DataMapLoader.load(
            ReferencePlatform.dataMapResource(),
            LethePurge.withoutFiles(ReferencePlatform.dataMapResource(), text));

    assertThat(with.entity("attachments").files()).containsExactly("storage_key");
    assertThat(without.entity("attachments").files()).isEmpty();
    assertThat(without.entities().keySet()).isEqualTo(with.entities().keySet());
    for (String name : with.entities().keySet()) {
      if (!name.equals("attachments")) {
        assertThat(without.entity(name)).as(name).isEqualTo(with.entity(name));
      }
    }
    assertThat(without.retention()).isEqualTo(with.retention());
    assertThatThrownBy(() -> LethePurge.withoutFiles("other.yaml", "entities: {}\n"))
        .hasMessageContaining("no attachments with files in other.yaml");
  }

  /**
   * The scenario's rated runs on MariaDB with {@code options}; null, once it is seen to refuse them
   * for want of pt-archiver, where pt-archiver is not installed.
   */
  private static ScenarioResult rated(Map<String, String> options) throws Exception {
    if (!PtArchiver.installed()) {
      assertThatThrownBy(() -> run(TestDatabase.Kind.MARIADB, Vendor.MARIADB, options))
          .hasMessageContaining("--paced-rates")
          .hasMessageContaining("percona-toolkit");
      return null;
    }
    return run(TestDatabase.Kind.MARIADB, Vendor.MARIADB, options);
  }

  private static ScenarioResult run(
      TestDatabase.Kind kind, Vendor vendor, Map<String, String> options) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Map<String, String> all = new HashMap<>(options);
      all.put("user", db.user());
      BenchTarget target = new BenchTarget(db.url(), vendor, BenchSize.TINY, all);
      ScenarioResult result = new RetentionScenario().run(target);

      long aged = result.contestants().getFirst().units();
      assertThat(aged).as("aged messages").isBetween(300L, 1_500L);
      for (ContestantResult c : result.contestants()) {
        assertThat(c.units()).as(c.name() + " rows").isEqualTo(aged);
        assertThat(c.extra().get("writer_failures")).as(c.name()).isZero();
        assertThat(c.extra().get("writer_inserts")).as(c.name()).isPositive();
        assertThat(c.extra()).containsKeys("writer_p99_ms", "attachments_deleted");
        // only Lethe's transactions are followed one by one
        if (c.isLethe()) {
          assertThat(c.extra())
              .containsKeys(
                  "writer_p99_in_tx_ms",
                  "writer_p99_between_tx_ms",
                  "writer_share_in_tx",
                  "writer_p99_in_commit_ms");
          assertThat(c.extra().get("writer_share_in_tx")).as(c.name()).isBetween(0.0, 1.0);
          // the inserts due while Lethe committed are some of those due inside its transactions
          assertThat(c.extra().get("writer_share_in_commit"))
              .as(c.name())
              .isBetween(0.0, c.extra().get("writer_share_in_tx"));
        } else {
          assertThat(c.extra()).doesNotContainKey("writer_share_in_tx");
        }
      }
      assertThat(result.contestants().stream().filter(ContestantResult::isLethe))
          .allSatisfy(lethe -> assertThat(lethe.verified()).as(lethe.name()).isTrue());
      JsonNode json = new ObjectMapper().readTree(ResultsJson.write(Map.of(), List.of(result)));
      assertThat(json.at("/results/0/scenario").asText()).isEqualTo("retention");
      assertThat(json.at("/results/0/contestants/0/extra/writer_p99_ms").isNumber()).isTrue();
      return result;
    }
  }
}
