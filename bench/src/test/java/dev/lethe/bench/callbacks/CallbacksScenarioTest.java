package dev.lethe.bench.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import dev.lethe.bench.ContestantResult;
import dev.lethe.bench.ResultsJson;
import dev.lethe.bench.ScenarioResult;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The callbacks scenario run for a second per phase against the packaged server on each database:
 * every callback answered 200 is a request the server stored, under the code it answered, with the
 * erasures in the server's process and on an intake-only instance. Rates and latencies are not
 * checked.
 */
class CallbacksScenarioTest {

  private static final Path SERVER_JAR =
      Path.of("..", "server", "target", "lethe-server.jar").toAbsolutePath().normalize();

  @Test
  void on_postgresql_every_callback_answered_is_stored_under_its_code() throws Exception {
    check(run(TestDatabase.Kind.POSTGRESQL, Vendor.POSTGRESQL));
  }

  @Test
  void on_mariadb_every_callback_answered_is_stored_under_its_code() throws Exception {
    check(run(TestDatabase.Kind.MARIADB, Vendor.MARIADB));
  }

  private static ScenarioResult run(TestDatabase.Kind kind, Vendor vendor) throws Exception {
    assumeServerJar();
    try (TestDatabase db = TestDatabase.create(kind)) {
      BenchTarget target =
          new BenchTarget(
              db.url(),
              vendor,
              BenchSize.TINY,
              Map.of("user", db.user(), "server-jar", SERVER_JAR.toString()));
      return new CallbacksScenario().run(target);
    }
  }

  private static void check(ScenarioResult result) throws Exception {
    assertThat(result.contestants())
        .extracting(ContestantResult::name)
        .containsExactly(
            CallbacksScenario.LETHE_INTAKE,
            CallbacksScenario.LETHE_IN_PROCESS,
            CallbacksScenario.HEALTH);
    for (ContestantResult lethe : result.contestants().subList(0, 2)) {
      assertThat(lethe.units()).as("%s: callbacks answered 200", lethe.name()).isPositive();
      assertThat(lethe.verified()).as("%s: every 200 stored: %s", lethe.name(), result).isTrue();
      // the server's own percentiles for the fixed-rate phase, read from its histogram
      assertThat(lethe.extra().get("server_p99_ms"))
          .as("%s: server p99", lethe.name())
          .isPositive()
          .isGreaterThanOrEqualTo(lethe.extra().get("server_p50_ms"));
    }
    assertThat(result.notes())
        .filteredOn(n -> n.contains("every answered code among them"))
        .hasSize(2);
    // an open loop as long as the measured one first, not measured: the callbacks' on both
    // instances (its requests stored and checked with the rest), the health endpoint's once
    assertThat(result.notes())
        .filteredOn(n -> n.contains("an open-loop phase at the fixed rate first, not measured"))
        .hasSize(3)
        .filteredOn(n -> n.contains(": health: "))
        .hasSize(1);
    assertThat(result.contestants().get(2).units()).as("health answers").isPositive();
    JsonNode json = new ObjectMapper().readTree(ResultsJson.write(Map.of(), List.of(result)));
    assertThat(json.at("/results/0/contestants/0/extra/p99_ms").isNumber()).isTrue();
  }

  /** The packaged server is built by {@code package} of the server module, before this module. */
  private static void assumeServerJar() {
    if (Files.isRegularFile(SERVER_JAR)) {
      return;
    }
    String message = SERVER_JAR + " is missing (./mvnw -B package -pl server -am -DskipTests)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true and " + message);
    }
    Assumptions.abort("skipped: " + message);
  }
}
