package dev.lethe.server.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.lethe.core.desk.MailKind;
import dev.lethe.core.desk.Work;
import dev.lethe.core.sql.GroupCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The desk's steps as db-scheduler executions in Lethe's database: stored before this returns, so
 * they survive a restart, and picked by one instance among those sharing the database. One
 * execution per request (and one per request and mail kind): asking again while one is queued or
 * running adds nothing.
 */
final class SchedulerWork implements Work {

  private final SchedulerClient scheduler;
  private final CustomTask<String> execute;
  private final OneTimeTask<String> mail;
  private final Clock clock;
  private final GroupCommit<SchedulableInstance<?>> steps;

  SchedulerWork(
      SchedulerClient scheduler,
      CustomTask<String> execute,
      OneTimeTask<String> mail,
      Clock clock) {
    this.scheduler = scheduler;
    this.execute = execute;
    this.mail = mail;
    this.clock = clock;
    this.steps =
        new GroupCommit<>(group -> scheduler.scheduleBatch(List.copyOf(group)), STEPS_PER_COMMIT);
  }

  /** At most this many steps asked for at the same moment are inserted together. */
  private static final int STEPS_PER_COMMIT = 64;

  @Override
  public void execute(UUID requestId, Instant at) {
    String id = requestId.toString();
    queue(execute.instance(id, id), at);
  }

  @Override
  public void mail(UUID requestId, MailKind kind) {
    String id = requestId + ":" + kind.code();
    queue(mail.instance(id, id), clock.instant());
  }

  /**
   * A step asked for is nearly always new (a request just taken in, verified, released from a
   * hold): it is inserted at once, one statement where {@code scheduleIfNotExists} reads first, and
   * in one batch with the steps asked for at the same moment (one commit for all: Meta's callbacks
   * arrive tens at a time). When the insert fails, the step may be queued already, which {@code
   * scheduleIfNotExists} settles (and a database that is down fails it again).
   */
  private void queue(TaskInstance<String> step, Instant at) {
    try {
      steps.write(SchedulableInstance.of(step, at));
    } catch (RuntimeException maybeQueued) {
      scheduler.scheduleIfNotExists(step, at);
    }
  }
}
