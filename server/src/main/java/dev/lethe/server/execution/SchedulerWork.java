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
 * The desk's steps as db-scheduler executions in Lethe's database, picked by one instance among
 * those sharing the database. One execution per request (and one per request and mail kind): asking
 * again while one is queued or running adds nothing.
 *
 * <p>A mail is stored before {@link #mail} returns: nothing else would send it after a crash. A
 * request's execution is written by a {@link StepWriter} just after {@link #execute} returns, with
 * the others asked for meanwhile: the request is stored already, so its door answers after one
 * commit instead of two, and an execution lost with a crashed process is queued again by the sweep,
 * which looks for open requests without one.
 */
final class SchedulerWork implements Work, AutoCloseable {

  private final SchedulerClient scheduler;
  private final CustomTask<String> execute;
  private final OneTimeTask<String> mail;
  private final Clock clock;
  private final GroupCommit<SchedulableInstance<?>> steps;
  private final StepWriter<SchedulableInstance<?>> executions;

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
    this.executions =
        new StepWriter<>(
            "lethe-executions",
            EXECUTIONS_WAITING,
            EXECUTIONS_PER_COMMIT,
            group -> scheduler.scheduleBatch(List.copyOf(group)),
            this::insert);
  }

  /** At most this many mails asked for at the same moment are inserted together. */
  private static final int STEPS_PER_COMMIT = 64;

  /** At most this many executions are inserted in one transaction. */
  private static final int EXECUTIONS_PER_COMMIT = 256;

  /** Executions waiting to be written beyond which a caller writes its own at once. */
  private static final int EXECUTIONS_WAITING = 10_000;

  @Override
  public void execute(UUID requestId, Instant at) {
    String id = requestId.toString();
    executions.add(SchedulableInstance.of(execute.instance(id, id), at));
  }

  /** The sweep's question, answered now: a read, and an insert only when none is queued. */
  @Override
  public void requeue(UUID requestId, Instant at) {
    String id = requestId.toString();
    scheduler.scheduleIfNotExists(execute.instance(id, id), at);
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

  /** One step on its own: inserted, or settled by {@code scheduleIfNotExists} when that fails. */
  private void insert(SchedulableInstance<?> step) {
    try {
      scheduler.scheduleBatch(List.of(step));
    } catch (RuntimeException maybeQueued) {
      scheduler.scheduleIfNotExists(step);
    }
  }

  /** Writes the executions still waiting: called before the scheduler and the pool close. */
  @Override
  public void close() {
    executions.close();
  }
}
