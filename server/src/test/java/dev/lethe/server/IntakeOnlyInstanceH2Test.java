package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An intake-only instance ({@code lethe.execution.enabled=false}) takes Meta's callbacks and queues
 * their erasures without running them; an instance that executes, sharing its databases, runs them.
 */
class IntakeOnlyInstanceH2Test {

  private static final String SECRET = "intake-only-app-secret";

  @TempDir Path dir;

  @Test
  void an_intake_only_instance_queues_what_an_executing_instance_then_erases() throws Exception {
    String name = UUID.randomUUID().toString();
    List<String> shared =
        List.of(
            "--lethe.demo=true",
            "--lethe.data-dir=" + dir,
            "--lethe.state.url=jdbc:h2:mem:state-" + name + ";DB_CLOSE_DELAY=-1",
            "--lethe.host.url=jdbc:h2:mem:host-" + name + ";DB_CLOSE_DELAY=-1",
            "--lethe.host.files=" + dir.resolve("files"),
            "--lethe.meta.apps[0].name=crm",
            "--lethe.meta.apps[0].secret=" + SECRET,
            "--lethe.retention.enabled=false",
            "--lethe.execution.polling-interval=200ms");
    String user;
    String code;
    try (RunningServer intake =
        RunningServer.start(with(shared, "--lethe.execution.enabled=false"))) {
      user = SampleHost.metaUsersWithChannels(intake.host()).get(0);
      assertThat(SampleHost.channelsOf(intake.host(), user)).isPositive();
      String signed = MetaSigning.signedRequest(SECRET, user, System.currentTimeMillis() / 1000);
      var answer =
          intake.form(
              "/api/data-deletion",
              "signed_request=" + URLEncoder.encode(signed, StandardCharsets.UTF_8));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      code = ServiceClient.codeIn(answer.body());

      // ten polling intervals of an executing instance: nothing here picks the step up
      Thread.sleep(Duration.ofSeconds(2));
      assertThat(state(intake, code)).isEqualTo("received");
      assertThat(
              Sql.count(
                  intake.state(),
                  "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'execute-request'"
                      + " AND task_instance = (SELECT id FROM lethe_requests"
                      + " WHERE confirmation_code = ?) AND picked = FALSE",
                  code))
          .as("the erasure queued for another instance")
          .isEqualTo(1);
      assertThat(SampleHost.channelsOf(intake.host(), user)).isPositive();
    }

    try (RunningServer worker = RunningServer.start(shared)) {
      Await.until(
          "the queued erasure completed by the executing instance",
          Duration.ofMinutes(1),
          () -> state(worker, code).equals("completed"));
      assertThat(SampleHost.channelsOf(worker.host(), user)).isZero();
    }
  }

  private static String state(RunningServer server, String code) {
    return Sql.strings(
            server.state(), "SELECT state FROM lethe_requests WHERE confirmation_code = ?", code)
        .get(0);
  }

  private static List<String> with(List<String> args, String extra) {
    List<String> all = new ArrayList<>(args);
    all.add(extra);
    return all;
  }
}
