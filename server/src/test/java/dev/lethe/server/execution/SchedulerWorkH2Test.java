package dev.lethe.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.desk.MailKind;
import dev.lethe.core.desk.Work;
import dev.lethe.server.Await;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Steps queued in db-scheduler's table (on an instance that does not execute them, so they stay): a
 * new step is stored once, and asking again for a step already queued adds nothing and does not
 * fail. A mail is stored when {@code mail} returns; an execution just after.
 */
class SchedulerWorkH2Test {

  static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.demo("--lethe.execution.enabled=false", "--lethe.retention.enabled=false");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_step_asked_for_twice_is_queued_once() {
    Work work = server.bean(Work.class);
    UUID request = UUID.randomUUID();
    Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

    work.execute(request, later);
    work.execute(request, later.plus(1, ChronoUnit.HOURS));
    work.mail(request, MailKind.ACKNOWLEDGEMENT);
    work.mail(request, MailKind.ACKNOWLEDGEMENT);

    assertThat(
            queued(
                server.state(),
                ExecutionConfiguration.MAIL,
                request + ":" + MailKind.ACKNOWLEDGEMENT.code()))
        .isEqualTo(1L);
    Await.until(
        "the execution written",
        Duration.ofSeconds(10),
        () -> queued(server.state(), ExecutionConfiguration.EXECUTE, request.toString()) == 1L);
    work.requeue(request, later);
    assertThat(queued(server.state(), ExecutionConfiguration.EXECUTE, request.toString()))
        .isEqualTo(1L);
  }

  @Test
  void executions_asked_for_at_once_are_all_stored_and_the_sweep_stores_a_lost_one_at_once() {
    Work work = server.bean(Work.class);
    List<UUID> requests = Stream.generate(UUID::randomUUID).limit(1_000).toList();
    Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

    requests.parallelStream().forEach(r -> work.execute(r, later));
    Await.until(
        "every execution written",
        Duration.ofSeconds(30),
        () -> executions(server.state(), requests) == requests.size());
    UUID lost = UUID.randomUUID();
    work.requeue(lost, later);
    requests.subList(0, 10).forEach(r -> work.requeue(r, later));

    assertThat(queued(server.state(), ExecutionConfiguration.EXECUTE, lost.toString()))
        .as("stored before requeue returns")
        .isEqualTo(1L);
    assertThat(executions(server.state(), requests)).isEqualTo(requests.size());
  }

  private static long executions(DataSource state, List<UUID> requests) {
    return Sql.strings(
            state,
            "SELECT task_instance FROM scheduled_tasks WHERE task_name = ?",
            ExecutionConfiguration.EXECUTE)
        .stream()
        .filter(id -> requests.contains(UUID.fromString(id)))
        .count();
  }

  private static long queued(DataSource state, String task, String instance) {
    return Sql.count(
        state,
        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
        task,
        instance);
  }
}
