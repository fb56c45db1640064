package dev.lethe.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.bench.BenchMachine;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import dev.lethe.bench.ContestantResult;
import dev.lethe.bench.RatioPlot;
import dev.lethe.bench.ResultsJson;
import dev.lethe.bench.Scenario;
import dev.lethe.bench.ScenarioResult;
import dev.lethe.platform.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 1 and 2 at the tiny size on a real database: every contestant leaves the subjects' data
 * gone, everyone else's untouched and the same database as Lethe; Lethe's verify passes; the
 * results make well-formed JSON and SVG. Timings are never checked.
 */
abstract class ErasureScenariosContract {

  abstract TestDatabase.Kind kind();

  private ScenarioResult run(Scenario scenario) throws Exception {
    return run(scenario, Map.of());
  }

  private ScenarioResult run(Scenario scenario, Map<String, String> options) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind())) {
      Map<String, String> all = new java.util.HashMap<>(options);
      all.put("user", db.user());
      BenchTarget target =
          new BenchTarget(db.url(), BenchTarget.vendorOf(db.url()), BenchSize.TINY, all);
      assertThat(scenario.supports(target)).isTrue();
      return scenario.run(target);
    }
  }

  @Test
  void erasing_a_workspace_leaves_the_same_database_whoever_erases_it() throws Exception {
    ScenarioResult result = run(new WorkspaceScenario());

    assertEveryContestantCorrect(result);
    assertThat(result.timed()).isTrue();
    ContestantResult lethe = result.lethe().orElseThrow();
    assertThat(lethe.units()).isPositive();
    assertThat(result.contestants())
        .allSatisfy(c -> assertThat(c.units()).isEqualTo(lethe.units()));
    assertWellFormed(List.of(result));
    if (kind() == TestDatabase.Kind.MARIADB) {
      // InnoDB's purge after each run is waited for and reported
      assertThat(result.contestants())
          .allSatisfy(c -> assertThat(c.extra()).containsKey("purged_after_ms"));
      double purged = lethe.extra().get("purged_after_ms");
      double until = lethe.extra().get(ScenarioResult.UNTIL_PURGED);
      assertThat(until).isEqualTo(purged < 0 ? -1 : lethe.elapsedMillis() + purged);
    } else {
      assertThat(result.contestants())
          .allSatisfy(c -> assertThat(c.extra()).doesNotContainKey("purged_after_ms"));
    }
  }

  @Test
  void erasing_contacts_one_request_each_leaves_the_same_database_whoever_erases_them()
      throws Exception {
    ScenarioResult result = run(new ContactsScenario());

    assertEveryContestantCorrect(result);
    assertThat(result.timed()).isFalse();
    assertThat(result.contestants())
        .allSatisfy(
            c -> assertThat(c.units()).isEqualTo(ContactsScenario.requests(BenchSize.TINY)));
    assertWellFormed(List.of(result));
    assertThat(result.notes())
        .anyMatch(n -> n.startsWith("warm-up of lethe on the target: 1 rounds, 10 subjects erased"))
        .anyMatch(
            n -> n.startsWith("warm-up of set-based-sql on the target: 1 rounds, 10 subjects"));
    assertThat(result.contestants()).allSatisfy(c -> assertThat(c.extra()).containsKey("jit_ms"));
  }

  @Test
  void the_warm_up_erases_every_contact_then_every_workspace_smallest_first() throws Exception {
    try (TestDatabase db = TestDatabase.create(kind())) {
      BenchPlatform.recreate(
          db.dataSource(), BenchTarget.vendorOf(db.url()), BenchSize.TINY, true, null);
      try (Connection connection = db.dataSource().getConnection()) {
        List<Subject> contacts = new ContactsScenario().warmUpSubjects(connection);
        assertThat(contacts).hasSize((int) BenchSize.TINY.platform().contacts());
        assertThat(contacts).extracting(Subject::id).isSorted().doesNotHaveDuplicates();
        for (Subject contact : contacts) {
          assertThat(
                  db.count(
                      "SELECT COUNT(*) FROM contacts WHERE id = "
                          + contact.id()
                          + " AND workspace_id = "
                          + contact.workspace()))
              .isEqualTo(1);
        }
        assertThat(new WorkspaceScenario().warmUpSubjects(connection))
            .containsExactly(new Subject(3, 3), new Subject(2, 2), new Subject(1, 1));
      }
    }
  }

  @Test
  void the_contacts_erased_before_the_timed_run_are_as_many_others() throws Exception {
    try (TestDatabase db = TestDatabase.create(kind())) {
      BenchPlatform.recreate(
          db.dataSource(), BenchTarget.vendorOf(db.url()), BenchSize.TINY, true, null);
      try (Connection connection = db.dataSource().getConnection()) {
        ContactsScenario scenario = new ContactsScenario();
        List<Subject> timed = scenario.subjects(connection, BenchSize.TINY);
        List<Subject> settling = scenario.settlingSubjects(connection, BenchSize.TINY);

        assertThat(settling).hasSameSizeAs(timed).doesNotContainAnyElementsOf(timed);
        assertThat(settling).extracting(Subject::id).isSorted().doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void the_results_name_the_size_of_the_database_page_cache() throws Exception {
    try (TestDatabase db = TestDatabase.create(kind())) {
      BenchTarget target =
          new BenchTarget(
              db.url(), BenchTarget.vendorOf(db.url()), BenchSize.TINY, Map.of("user", db.user()));

      Object cache = BenchMachine.describe(target).get("database_cache");

      assertThat(cache)
          .asString()
          .matches(
              kind() == TestDatabase.Kind.MARIADB
                  ? "innodb_buffer_pool_size [0-9]+ bytes, innodb_flush_method \\w+"
                  : "shared_buffers [0-9]+[kMG]B, beyond them the system's page cache");
    }
  }

  @Test
  void only_the_baselines_asked_for_run_beside_lethe() throws Exception {
    ScenarioResult result = run(new WorkspaceScenario(), Map.of("baselines", Contestants.CASCADE));

    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .containsExactly(Contestants.LETHE, Contestants.CASCADE);
    assertThat(result.contestants())
        .allSatisfy(c -> assertThat(c.extra()).containsEntry("same_as_lethe", 1.0));
  }

  private static void assertEveryContestantCorrect(ScenarioResult result) {
    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .containsExactly(
            Contestants.LETHE, Contestants.SET_BASED, Contestants.ROW_BY_ROW, Contestants.CASCADE);
    assertThat(result.lethe().orElseThrow().verified()).isTrue();
    assertThat(result.baselines()).allSatisfy(c -> assertThat(c.verified()).isNull());
    for (ContestantResult contestant : result.contestants()) {
      assertThat(contestant.extra())
          .as(contestant.name())
          .containsEntry("subjects_gone", 1.0)
          .containsEntry("others_untouched", 1.0)
          .containsEntry("same_as_lethe", 1.0);
      assertThat(contestant.extra().get("rows_deleted")).as(contestant.name()).isPositive();
      assertThat(contestant.longestTransactionMillis()).isNotNull();
      assertThat(contestant.peakHeapBytes()).isPositive();
    }
    assertThat(result.notes()).noneMatch(n -> n.contains("PROBLEM"));
  }

  private static void assertWellFormed(List<ScenarioResult> results) throws Exception {
    JsonNode json =
        new ObjectMapper().readTree(ResultsJson.write(Map.of("processors", 2), results));
    JsonNode first = json.path("results").path(0);
    assertThat(first.path("scenario").asText()).isEqualTo(results.getFirst().scenario());
    assertThat(first.path("contestants")).hasSize(4);
    assertThat(first.path("contestants").path(0).path("verified").asBoolean()).isTrue();
    assertThat(first.path("contestants").path(1).path("verified").isNull()).isTrue();

    String svg = RatioPlot.svg(results);
    var document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(1 + 3);
  }
}
