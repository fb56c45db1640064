package dev.lethe.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.desk.MailKind;
import dev.lethe.core.desk.Work;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Steps queued in db-scheduler's table (on an instance that does not execute them, so they stay): a
 * new step is stored once, and asking again for a step already queued adds nothing and does not
 * fail.
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

    assertThat(queued(server.state(), ExecutionConfiguration.EXECUTE, request.toString()))
        .isEqualTo(1L);
    assertThat(
            queued(
                server.state(),
                ExecutionConfiguration.MAIL,
                request + ":" + MailKind.ACKNOWLEDGEMENT.code()))
        .isEqualTo(1L);
  }

  private static long queued(DataSource state, String task, String instance) {
    return Sql.count(
        state,
        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
        task,
        instance);
  }
}
