package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import dev.lethe.platform.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Meta delivers the same callback again when it sees no answer in time, and a busy service may get
 * the repeats all at once: they are one request, erased by one run.
 */
class ServerConcurrentCallbacksTest {

  private static final int CALLBACKS = 100;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_hundred_identical_callbacks_at_once_make_one_request_erased_by_one_run(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase state = TestDatabase.create(kind);
        TestDatabase host = TestDatabase.create(kind)) {
      Path files = dir.resolve("files");
      SampleHost.fill(host.dataSource(), Sizes.small(), files);
      String user = SampleHost.metaUsersWithChannels(host.dataSource()).getFirst();
      try (RunningServer server =
          RunningServer.start(ServerArguments.of(state, host, files, dir))) {
        ServiceClient client = server.client();
        String signed = MetaSigning.signedNow(user);

        List<HttpResponse<String>> answers = atOnce(CALLBACKS, () -> client.dataDeletion(signed));

        assertThat(answers)
            .allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        List<String> codes =
            answers.stream().map(a -> ServiceClient.codeIn(a.body())).distinct().toList();
        assertThat(codes).hasSize(1);
        client.awaitCompleted(codes.getFirst(), Duration.ofSeconds(60));
        Await.noStepsLeft(state.dataSource(), Duration.ofSeconds(30));

        List<List<String>> requests =
            Sql.rows(
                state.dataSource(), "select id, confirmation_code, run_id from lethe_requests");
        assertThat(requests).hasSize(1);
        String id = requests.getFirst().get(0);
        assertThat(requests.getFirst().get(1)).isEqualTo(codes.getFirst());
        String run = requests.getFirst().get(2);
        assertThat(Sql.rows(host.dataSource(), "select id, status from lethe_runs"))
            .containsExactly(List.of(run, "completed"));
        assertThat(
                Sql.strings(
                    state.dataSource(),
                    "select coalesce(note, to_state) from lethe_request_events"
                        + " where request_id = ? order by id",
                    id))
            .as("one request's events: received once, run once, no duplicate merged")
            .containsExactly(
                "received from meta_callback", "scheduled", "run " + run, "verifying", "completed");
        assertThat(
                Sql.count(
                    state.dataSource(),
                    "select count(*) from lethe_ledger where reference = ?",
                    id))
            .isOne();
        assertThat(SampleHost.channelsOf(host.dataSource(), user)).isZero();
        assertThat(SampleHost.messagesOf(host.dataSource(), user)).isZero();
      }
    }
  }

  /** Runs {@code call} on that many threads, released together, and returns every answer. */
  private static <T> List<T> atOnce(int threads, Callable<T> call) throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      ready.await();
      go.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> future : futures) {
        answers.add(future.get());
      }
      return answers;
    }
  }
}
