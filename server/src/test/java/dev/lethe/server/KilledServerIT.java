package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import dev.lethe.platform.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service killed with SIGKILL in the middle of a Meta user's erasure, then started again on the
 * same databases: the request completes, once, and nothing outside the user's data is touched.
 */
class KilledServerIT {

  /** Enough messages through the largest Meta user's channels for an erasure of many batches. */
  private static final Sizes SIZES = new Sizes(4, 2_000, 60_000);

  private static final int BATCHES_BEFORE_THE_KILL = 3;

  /** Kept when the test fails: the instances' logs are there. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void a_service_killed_mid_erasure_completes_the_request_once_after_a_restart() throws Exception {
    try (TestDatabase state = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        TestDatabase host = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      Path files = dir.resolve("files");
      SampleHost.fill(host.dataSource(), SIZES, files);
      String user = SampleHost.metaUsersWithChannels(host.dataSource()).getFirst();
      MetaUserReach reach = MetaUserReach.of(host.dataSource(), user);
      HostRows before = HostRows.of(host.dataSource());
      Set<String> filesBefore = files(files);
      List<String> arguments = ServerArguments.of(state, host, files, dir);
      arguments.add("--lethe.execution.heartbeat-interval=1s");

      String code;
      try (ServerProcess first =
          ServerProcess.start("first", arguments, dir, "UTC").awaitUp(Duration.ofSeconds(90))) {
        code =
            ServiceClient.codeIn(first.client().dataDeletion(MetaSigning.signedNow(user)).body());
        awaitCommittedBatches(host, first, BATCHES_BEFORE_THE_KILL);
        first.kill();
      }
      assertThat(Sql.strings(host.dataSource(), "select status from lethe_runs"))
          .containsExactly("running");
      assertThat(SampleHost.messagesOf(host.dataSource(), user))
          .as("messages of the user left when the service was killed")
          .isPositive();

      try (ServerProcess second =
          ServerProcess.start("second", arguments, dir, "UTC").awaitUp(Duration.ofSeconds(90))) {
        second.client().awaitCompleted(code, Duration.ofMinutes(2));
        Await.noStepsLeft(state.dataSource(), Duration.ofSeconds(30));
      }

      List<String> request =
          Sql.rows(state.dataSource(), "select id, run_id, state from lethe_requests").getFirst();
      String id = request.get(0);
      assertThat(request.get(2)).isEqualTo("completed");
      assertThat(Sql.rows(host.dataSource(), "select id, status from lethe_runs"))
          .as("one run, resumed rather than started again")
          .containsExactly(List.of(request.get(1), "completed"));
      assertThat(
              Sql.count(
                  state.dataSource(),
                  "select count(*) from lethe_request_events"
                      + " where request_id = ? and to_state = 'running'",
                  id))
          .isOne();
      assertThat(SampleHost.channelsOf(host.dataSource(), user)).isZero();
      assertThat(SampleHost.messagesOf(host.dataSource(), user)).isZero();
      assertThat(
              before
                  .without(reach.deleted(), reach.nulled())
                  .differencesFrom(HostRows.of(host.dataSource()), 20))
          .as("the host is as before but for the user's rows")
          .isEmpty();
      Set<String> filesLeft = new HashSet<>(filesBefore);
      filesLeft.removeAll(reach.files());
      assertThat(files(files)).isEqualTo(filesLeft);
      assertThat(
              Sql.count(
                  state.dataSource(), "select count(*) from lethe_ledger where reference = ?", id))
          .isOne();
      Ledger ledger = Ledger.open(state.dataSource(), Vendor.POSTGRESQL, Clock.systemUTC());
      assertThat(ledger.verify().intact()).isTrue();
    }
  }

  /** Waits until the run has committed that many batches, and is still running. */
  private static void awaitCommittedBatches(TestDatabase host, ServerProcess server, int batches) {
    Await.until(
        batches + " batches committed",
        Duration.ofSeconds(90),
        () -> {
          assertThat(server.isAlive()).as("the service is running").isTrue();
          List<List<String>> runs;
          try {
            runs = Sql.rows(host.dataSource(), "select status, batches from lethe_runs");
          } catch (IllegalStateException notYetCreated) {
            return false;
          }
          if (runs.isEmpty()) {
            return false;
          }
          assertThat(runs.getFirst().get(0))
              .as("the run finished before it could be killed")
              .isIn("planned", "running");
          return Long.parseLong(runs.getFirst().get(1)) >= batches;
        });
  }

  /** The files under {@code root}, as keys relative to it. */
  private static Set<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      Set<String> keys = new HashSet<>();
      walk.filter(Files::isRegularFile).forEach(p -> keys.add(root.relativize(p).toString()));
      return keys;
    }
  }
}
