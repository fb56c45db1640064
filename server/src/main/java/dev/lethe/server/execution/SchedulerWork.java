package dev.lethe.server.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.lethe.core.desk.MailKind;
import dev.lethe.core.desk.Work;
import java.time.Clock;
import java.time.Instant;
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

  SchedulerWork(
      SchedulerClient scheduler,
      CustomTask<String> execute,
      OneTimeTask<String> mail,
      Clock clock) {
    this.scheduler = scheduler;
    this.execute = execute;
    this.mail = mail;
    this.clock = clock;
  }

  @Override
  public void execute(UUID requestId, Instant at) {
    String id = requestId.toString();
    scheduler.scheduleIfNotExists(execute.instance(id, id), at);
  }

  @Override
  public void mail(UUID requestId, MailKind kind) {
    String id = requestId + ":" + kind.code();
    scheduler.scheduleIfNotExists(mail.instance(id, id), clock.instant());
  }
}
