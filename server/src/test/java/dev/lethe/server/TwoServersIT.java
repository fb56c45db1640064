package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import dev.lethe.platform.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two instances of the service, in processes of their own and in different time zones (as in two
 * regions), sharing Lethe's database and the host: every request is executed exactly once.
 */
class TwoServersIT {

  private static final int REQUESTS = 40;

  /** Sixty workspaces: more than forty Meta users who connected channels. */
  private static final Sizes SIZES = new Sizes(60, 3_000, 15_000);

  /** What an instance logs of each execution of a request: completed it, or found nothing to do. */
  private static final Pattern EXECUTED =
      Pattern.compile("request (\\S+) (?:completed by run|is \\w+: nothing to execute)");

  /** Kept when the test fails: the instances' logs are there. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void two_instances_sharing_the_databases_execute_every_request_exactly_once(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase state = TestDatabase.create(kind);
        TestDatabase host = TestDatabase.create(kind)) {
      Path files = dir.resolve("files");
      SampleHost.fill(host.dataSource(), SIZES, files);
      List<String> users = SampleHost.metaUsersWithChannels(host.dataSource());
      assertThat(users).hasSizeGreaterThanOrEqualTo(REQUESTS);
      users = users.subList(0, REQUESTS);
      List<String> arguments = ServerArguments.of(state, host, files, dir);
      // heartbeats every two seconds: each instance looks for dead executions every four
      arguments.add("--lethe.execution.heartbeat-interval=2s");

      String logs;
      try (ServerProcess east = ServerProcess.start("east", arguments, dir, "Asia/Jakarta");
          ServerProcess west = ServerProcess.start("west", arguments, dir, "UTC")) {
        east.awaitUp(Duration.ofSeconds(90));
        west.awaitUp(Duration.ofSeconds(90));
        List<ServiceClient> instances = List.of(east.client(), west.client());

        List<HttpResponse<String>> answers = sendSpread(users, instances);

        assertThat(answers)
            .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        Await.until(
            "every request completed",
            Duration.ofMinutes(3),
            () ->
                Sql.count(
                        state.dataSource(),
                        "select count(*) from lethe_requests where state = 'completed'")
                    == REQUESTS);
        Await.noStepsLeft(state.dataSource(), Duration.ofSeconds(30));
        logs = east.log() + west.log();
      }

      List<List<String>> requests =
          Sql.rows(state.dataSource(), "select id, run_id, state from lethe_requests order by id");
      assertThat(requests)
          .hasSize(REQUESTS)
          .allSatisfy(r -> assertThat(r.get(2)).isEqualTo("completed"));
      List<String> ids = requests.stream().map(r -> r.get(0)).toList();
      List<List<String>> runs = requests.stream().map(r -> List.of(r.get(1), "completed")).toList();
      assertThat(Sql.rows(host.dataSource(), "select id, status from lethe_runs"))
          .as("one completed run per request, none other")
          .containsExactlyInAnyOrderElementsOf(runs);
      for (List<String> request : requests) {
        assertThat(
                Sql.strings(
                    state.dataSource(),
                    "select coalesce(note, to_state) from lethe_request_events"
                        + " where request_id = ? order by id",
                    request.get(0)))
            .as("the events of request %s", request.get(0))
            .containsExactly(
                "received from meta_callback",
                "scheduled",
                "run " + request.get(1),
                "verifying",
                "completed");
      }
      assertThat(Sql.strings(state.dataSource(), "select reference from lethe_ledger"))
          .as("one receipt per request in the ledger")
          .containsExactlyInAnyOrderElementsOf(ids);
      Ledger ledger = Ledger.open(state.dataSource(), vendor(kind), Clock.systemUTC());
      assertThat(ledger.verify().intact()).isTrue();
      Map<String, Long> executions = executionsLogged(logs);
      assertThat(executions.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(executions)
          .as("executions of each request, by either instance")
          .allSatisfy((id, times) -> assertThat(times).as(id).isOne());
      for (String user : users) {
        assertThat(SampleHost.channelsOf(host.dataSource(), user)).isZero();
        assertThat(SampleHost.messagesOf(host.dataSource(), user)).isZero();
      }
    }
  }

  /** Sends one callback per user, at once from a pool, alternating between the instances. */
  private static List<HttpResponse<String>> sendSpread(
      List<String> users, List<ServiceClient> instances) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        ServiceClient instance = instances.get(i % instances.size());
        String signed = MetaSigning.signedNow(users.get(i));
        sent.add(pool.submit(() -> instance.dataDeletion(signed)));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get());
      }
      return answers;
    }
  }

  private static Map<String, Long> executionsLogged(String logs) {
    Matcher matcher = EXECUTED.matcher(logs);
    List<String> executed = new ArrayList<>();
    while (matcher.find()) {
      executed.add(matcher.group(1));
    }
    return executed.stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static Vendor vendor(TestDatabase.Kind kind) {
    return switch (kind) {
      case POSTGRESQL -> Vendor.POSTGRESQL;
      case MARIADB -> Vendor.MARIADB;
      case H2 -> Vendor.H2;
    };
  }
}
